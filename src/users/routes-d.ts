// Family D (Registration API): registration with its documented error codes,
// and access tokens. Errors are {"status": "error", "code", "message"}.
import type { FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DomainError, Problem } from '../infra/errors.js';
import { fieldOf, isMissing } from '../infra/http/shell.js';
import { RegistrationApiError, ref } from '../infra/http/schemas.js';
import { withRateLimitHeaders } from '../infra/ratelimit.js';
import type { Services } from '../infra/services.js';
import { checkSignInBudget } from './budgets.js';
import { registerUser, signIn } from './commands.js';
import { normaliseEmail, SESSION_SECONDS } from './events.js';
import { AccountName, Email, LoginField, Password, Username, messages } from './schemas.js';

const tags = ['D: Registration API'];

/** The documented descriptions, used as messages. */
export const D_MESSAGES = {
  INVALID_REQUEST: 'Invalid request. Please provide all required fields: username, email, password, full_name.',
  USERNAME_EXISTS: 'The provided username is already taken. Please choose a different username.',
  EMAIL_EXISTS: 'The provided email is already registered. Please use a different email address.',
  INVALID_PASSWORD: 'The provided password does not meet the requirements (8 to 128 characters).',
  INVALID_AGE: 'Invalid age value. Age must be a positive integer.',
  GENDER_REQUIRED: 'Gender field is required. Please specify the gender (e.g., male, female, non-binary).',
  INVALID_CREDENTIALS: 'Invalid credentials. The provided username or password is incorrect.',
  MISSING_FIELDS: 'Missing fields. Please provide both username and password.',
  EMAIL_NOT_VERIFIED: 'Email not verified. Confirm it with the code sent by mail first (POST /users/verify-sentcode).',
} as const;

type DCode = keyof typeof D_MESSAGES;
const problem = (status: number, code: DCode, message: string = D_MESSAGES[code]) => new Problem(status, message, code);

const REQUIRED = ['username', 'email', 'password', 'full_name'];
/** Text with something in it besides spaces. */
const NOT_BLANK = '\\S';

/**
 * The order the codes are checked in, first match wins: INVALID_REQUEST
 * (body not an object, a required field missing or empty, username, email,
 * full_name or gender malformed), INVALID_PASSWORD, INVALID_AGE,
 * GENDER_REQUIRED; then, with a valid request only, USERNAME_EXISTS and
 * EMAIL_EXISTS. Input is judged before the store is asked.
 */
function registerInvalid(errors: FastifySchemaValidationError[]): Problem {
  const on = (field: string) => errors.filter((e) => fieldOf(e) === field);
  if (errors.some((e) => e.instancePath === '' && e.keyword === 'type')) return problem(400, 'INVALID_REQUEST');
  const missing = REQUIRED.find((f) => on(f).some(isMissing));
  if (missing) return problem(400, 'INVALID_REQUEST');
  if (on('username').length > 0) return problem(400, 'INVALID_REQUEST', `Invalid request. ${messages.username}.`);
  if (on('email').length > 0) return problem(400, 'INVALID_REQUEST', `Invalid request. ${messages.email}.`);
  if (on('full_name').length > 0) {
    return problem(400, 'INVALID_REQUEST', 'Invalid request. full_name must be text of at most 128 characters.');
  }
  const gender = on('gender');
  if (gender.length > 0 && !gender.some(isMissing)) {
    return problem(400, 'INVALID_REQUEST', 'Invalid request. gender must be text of at most 64 characters.');
  }
  if (on('password').length > 0) return problem(400, 'INVALID_PASSWORD');
  if (on('age').length > 0) return problem(400, 'INVALID_AGE');
  if (gender.length > 0) return problem(400, 'GENDER_REQUIRED');
  return problem(400, 'INVALID_REQUEST');
}

function tokenInvalid(errors: FastifySchemaValidationError[]): Problem {
  if (errors.some(isMissing)) return problem(400, 'MISSING_FIELDS');
  const e = errors[0]!;
  const field = fieldOf(e);
  if (e.keyword === 'type') return new Problem(400, `${field} must be a string`, 'INVALID_REQUEST');
  return new Problem(400, `${field} is too long`, 'INVALID_REQUEST');
}

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ref(RegistrationApiError)]));

export const dUserRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/register',
    {
      schema: {
        operationId: 'apiRegister',
        summary: 'Register a user (active at once)',
        description:
          'Error codes, checked in this order: INVALID_REQUEST, INVALID_PASSWORD, INVALID_AGE, GENDER_REQUIRED (400); USERNAME_EXISTS, EMAIL_EXISTS (409).',
        tags,
        body: Type.Object({
          username: Username,
          email: Email,
          password: Password,
          full_name: Type.String({ minLength: 1, maxLength: 128, pattern: NOT_BLANK }),
          age: Type.Optional(Type.Integer({ minimum: 1, maximum: 150 })),
          gender: Type.String({ minLength: 1, maxLength: 64, pattern: NOT_BLANK }),
        }),
        response: withRateLimitHeaders({
          201: Type.Object({
            status: Type.Literal('success'),
            message: Type.String(),
            data: Type.Object({
              user_id: Type.String(),
              username: Type.String(),
              email: Type.String(),
              full_name: Type.String(),
              age: Type.Optional(Type.Integer()),
              gender: Type.String(),
            }),
          }),
          ...errors(400, 409, 429, 503),
        }),
      },
      config: { family: 'D', invalid: registerInvalid },
    },
    async (request, reply) => {
      const { username, email, password, full_name, age, gender } = request.body;
      await app.authRateLimit.check(request, 'registration', username);
      try {
        const { userId } = await registerUser(services, {
          username,
          email,
          password,
          mustVerifyEmail: false,
          profile: { full_name, gender, ...(age === undefined ? {} : { age }) },
          via: 'D',
        });
        return reply.code(201).send({
          status: 'success',
          message: 'User successfully registered!',
          data: {
            user_id: String(userId),
            username,
            email: normaliseEmail(email),
            full_name,
            ...(age === undefined ? {} : { age }),
            gender,
          },
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'UsernameTaken') throw problem(409, 'USERNAME_EXISTS');
        if (error instanceof DomainError && error.code === 'EmailTaken') throw problem(409, 'EMAIL_EXISTS');
        throw error;
      }
    },
  );

  app.post(
    '/api/token',
    {
      schema: {
        operationId: 'apiToken',
        summary: 'Generate an access token (3600 s)',
        description:
          'Error codes: MISSING_FIELDS, INVALID_REQUEST (400), INVALID_CREDENTIALS (401), EMAIL_NOT_VERIFIED (403, accounts registered through B before confirming their email).',
        tags,
        body: Type.Object({ username: AccountName, password: LoginField }),
        response: withRateLimitHeaders({
          200: Type.Object({
            status: Type.Literal('success'),
            message: Type.String(),
            data: Type.Object({ access_token: Type.String(), expires_in: Type.Integer() }),
          }),
          ...errors(400, 401, 403, 429, 503),
        }),
      },
      config: { family: 'D', invalid: tokenInvalid },
    },
    async (request) => {
      const { username, password } = request.body;
      await checkSignInBudget(app, request, services, { username }, 'D');
      const result = await signIn(services, { username }, password, 'D');
      if (!result.ok) {
        if (result.reason === 'unverified') throw problem(403, 'EMAIL_NOT_VERIFIED');
        throw problem(401, 'INVALID_CREDENTIALS');
      }
      return {
        status: 'success' as const,
        message: 'Access token generated successfully.',
        data: { access_token: app.auth.issue(result.userId, result.sessionId), expires_in: SESSION_SECONDS },
      };
    },
  );
};
