// Families A (Dium) and E (Products API) share POST /register and POST /login;
// API-CONTRACT.md settles their differences (E's bodies, 409 for a taken name).
import type { FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DomainError, Problem } from '../infra/errors.js';
import { fieldOf, isMissing } from '../infra/http/shell.js';
import { ErrorBody, ref } from '../infra/http/schemas.js';
import { withRateLimitHeaders } from '../infra/ratelimit.js';
import type { Services } from '../infra/services.js';
import { checkSignInBudget } from './budgets.js';
import { registerUser, signIn } from './commands.js';
import { AccountName, Email, LoginField, Password, Username, messages } from './schemas.js';

const REQUIRED = 'Username and password are required';

function registerInvalid(errors: FastifySchemaValidationError[]): Problem {
  if (errors.some(isMissing)) return new Problem(400, REQUIRED);
  const e = errors[0]!;
  if (e.keyword === 'type') return new Problem(400, `${fieldOf(e)} must be a string`);
  const field = fieldOf(e) as keyof typeof messages;
  return new Problem(400, messages[field] ?? REQUIRED);
}

function loginInvalid(errors: FastifySchemaValidationError[]): Problem {
  if (errors.some(isMissing)) return new Problem(400, REQUIRED);
  const e = errors[0]!;
  if (e.keyword === 'type') return new Problem(400, `${fieldOf(e)} must be a string`);
  return new Problem(400, `${fieldOf(e)} is too long`);
}

const tags = ['A: Dium', 'E: Products API'];

export const aeUserRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/register',
    {
      schema: {
        operationId: 'register',
        summary: 'Create an account (A and E)',
        tags,
        body: Type.Object({
          username: Username,
          password: Password,
          email: Type.Optional(Email),
        }),
        response: withRateLimitHeaders({
          201: Type.Object({ id: Type.Integer(), username: Type.String() }),
          400: ref(ErrorBody),
          409: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: { family: 'E', invalid: registerInvalid },
    },
    async (request, reply) => {
      const { username, password, email } = request.body;
      await app.authRateLimit.check(request, 'registration', username);
      try {
        const { userId } = await registerUser(services, {
          username,
          email: email ?? null,
          password,
          mustVerifyEmail: false,
          profile: {},
          via: 'E',
        });
        return reply.code(201).send({ id: userId, username });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'UsernameTaken') {
          throw new Problem(409, 'Username already exists');
        }
        if (error instanceof DomainError && error.code === 'EmailTaken') throw new Problem(409, 'Email already exists');
        throw error;
      }
    },
  );

  app.post(
    '/login',
    {
      schema: {
        operationId: 'login',
        summary: 'Sign in and get an access token (A and E)',
        tags,
        body: Type.Object({ username: AccountName, password: LoginField }),
        response: withRateLimitHeaders({
          200: Type.Object({ access_token: Type.String() }),
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          403: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: { family: 'E', invalid: loginInvalid },
    },
    async (request) => {
      const { username, password } = request.body;
      await checkSignInBudget(app, request, services, { username }, 'E');
      const result = await signIn(services, { username }, password, 'E');
      if (!result.ok) {
        if (result.reason === 'unverified') throw new Problem(403, 'Email not verified');
        throw new Problem(401, 'Invalid credentials');
      }
      return { access_token: app.auth.issue(result.userId, result.sessionId) };
    },
  );
};
