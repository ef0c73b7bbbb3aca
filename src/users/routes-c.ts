// Family C (Auth): sign-in, account creation and the three-step forgotten
// password flow (mailed code → reset token → new password). The document
// gives success bodies only; error bodies are {"error": "..."} with the status.
import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DomainError, Problem } from '../infra/errors.js';
import { fieldOf, isMissing } from '../infra/http/shell.js';
import { ErrorBody, ref } from '../infra/http/schemas.js';
import { withRateLimitHeaders } from '../infra/ratelimit.js';
import type { Services } from '../infra/services.js';
import { checkSignInBudget } from './budgets.js';
import { findAccount, registerUser, signIn } from './commands.js';
import type { Profile } from './events.js';
import { exchangeResetCode, requestResetCode, resetPasswordWithToken, tokenAccount } from './recovery.js';
import { AccountName, DeliveryAddress, Email, LoginField, Password, Username, messages } from './schemas.js';

const tags = ['C: Auth'];

const PhoneNumber = Type.Union([
  Type.Integer({ minimum: 0, maximum: 999_999_999_999_999 }),
  Type.String({ pattern: '^\\+?[0-9][0-9 ()-]{0,31}$' }),
]);

/** A message for the first problem with a body: required fields first, then the field's own rule. */
function invalidWith(required: string[], requiredMessage: string, fieldMessages: Record<string, string> = {}) {
  return (errors: FastifySchemaValidationError[]): Problem => {
    if (errors.some((e) => isMissing(e) && (e.instancePath === '' || required.includes(fieldOf(e))))) {
      return new Problem(400, requiredMessage);
    }
    const e = errors[0]!;
    const field = fieldOf(e);
    if (field in fieldMessages) return new Problem(400, fieldMessages[field]!);
    if (e.keyword === 'type') return new Problem(400, `${field} must be a string`);
    if (field in messages) return new Problem(400, messages[field as keyof typeof messages]);
    return new Problem(400, e.keyword === 'maxLength' ? `${field} is too long` : `${field} is invalid`);
  };
}

const SIGN_IN_REQUIRED = 'Username and password are required';

/** The reset token from `authentication: <token>` (as documented, "Bearer " optional) or `Authorization: Bearer <token>`. */
function resetToken(request: FastifyRequest): string | null {
  const candidates = [request.headers.authentication, request.headers.authorization];
  for (const value of candidates) {
    if (typeof value !== 'string') continue;
    const token = value.trim().replace(/^Bearer\s+/i, '');
    if (token !== '') return token;
  }
  return null;
}

export const cUserRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/auth',
    {
      schema: {
        operationId: 'authAuthenticate',
        summary: 'Sign in by username and get an access token',
        tags,
        body: Type.Object({ username: AccountName, password: LoginField }),
        response: withRateLimitHeaders({
          200: Type.Object({ message: Type.String(), token: Type.String() }),
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          403: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: {
        family: 'C',
        invalid: invalidWith(['username', 'password'], SIGN_IN_REQUIRED),
      },
    },
    async (request) => {
      const { username, password } = request.body;
      await checkSignInBudget(app, request, services, { username }, 'C');
      const result = await signIn(services, { username }, password, 'C');
      if (!result.ok) {
        if (result.reason === 'unverified') throw new Problem(403, 'Email not verified');
        throw new Problem(401, 'Invalid credentials');
      }
      return { message: 'Authentication successful', token: app.auth.issue(result.userId, result.sessionId) };
    },
  );

  app.post(
    '/auth/create',
    {
      schema: {
        operationId: 'authCreateAccount',
        summary: 'Create an account (active at once)',
        description: 'The delivery address may be given as "delivery Address" (as documented) or deliveryAddress, not both.',
        tags,
        body: Type.Object({
          username: Username,
          email: Email,
          password: Password,
          phoneNumber: Type.Optional(PhoneNumber),
          'delivery Address': Type.Optional(DeliveryAddress),
          deliveryAddress: Type.Optional(DeliveryAddress),
        }),
        response: withRateLimitHeaders({
          201: Type.Object({ message: Type.String(), user_id: Type.String() }),
          400: ref(ErrorBody),
          409: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: {
        family: 'C',
        invalid: invalidWith(['username', 'email', 'password'], 'Username, email and password are required', {
          phoneNumber: 'phoneNumber must be a number or a string of digits',
          'delivery Address': 'delivery Address must be an object of text fields',
          deliveryAddress: 'deliveryAddress must be an object of text fields',
        }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body['delivery Address'] !== undefined && body.deliveryAddress !== undefined) {
        throw new Problem(400, 'Give the delivery address once: "delivery Address" or deliveryAddress');
      }
      await app.authRateLimit.check(request, 'registration', body.username);
      const address = body.deliveryAddress ?? body['delivery Address'];
      const profile: Profile = {
        ...(body.phoneNumber === undefined ? {} : { phoneNumber: body.phoneNumber }),
        ...(address === undefined ? {} : { deliveryAddress: address }),
      };
      try {
        const { userId } = await registerUser(services, {
          username: body.username,
          email: body.email,
          password: body.password,
          mustVerifyEmail: false,
          profile,
          via: 'C',
        });
        return reply.code(201).send({ message: 'Account created successfully', user_id: String(userId) });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'UsernameTaken') throw new Problem(409, 'Username already exists');
        if (error instanceof DomainError && error.code === 'EmailTaken') throw new Problem(409, 'Email already exists');
        throw error;
      }
    },
  );

  app.post(
    '/auth/forgot',
    {
      schema: {
        operationId: 'authForgotPassword',
        summary: 'Mail a password reset code; the same answer whether or not the email is known',
        tags,
        body: Type.Object({ email: Email }),
        response: withRateLimitHeaders({
          200: Type.Object({ message: Type.String() }),
          400: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: { family: 'C', invalid: invalidWith(['email'], 'Email is required') },
    },
    async (request) => {
      const { email } = request.body;
      await app.authRateLimit.check(request, 'reset', email);
      await requestResetCode(services, () => findAccount(services, { email }), 'C');
      return { message: `password reset OTP sent to ${email}` };
    },
  );

  app.post(
    '/auth/forgot/otp',
    {
      schema: {
        operationId: 'authVerifyResetOtp',
        summary: 'Exchange the mailed code for a reset token (good for /auth/forgot/reset only, 10 minutes, once)',
        description: 'Give the email with the code; the code alone is accepted when exactly one account has it outstanding.',
        tags,
        body: Type.Object({ email: Type.Optional(Email), otp: Type.String({ minLength: 1, maxLength: 16 }) }),
        response: withRateLimitHeaders({
          200: Type.Object({ message: Type.String(), token: Type.String() }),
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: { family: 'C', invalid: invalidWith(['otp'], 'OTP is required') },
    },
    async (request) => {
      const { email, otp } = request.body;
      await app.authRateLimit.check(request, 'code', email ?? null);
      const token = await exchangeResetCode(services, email ?? null, otp.trim(), 'C');
      if (token === null) throw new Problem(401, 'Invalid or expired OTP');
      return { message: 'OTP accepted', token };
    },
  );

  app.post(
    '/auth/forgot/reset',
    {
      schema: {
        operationId: 'authResetPassword',
        summary: 'Set a new password with the reset token; ends every session of the account',
        description:
          'The reset token goes in the header `authentication` (as documented) or `Authorization: Bearer`; the new password in `new_passoword` (as documented) or `new_password`.',
        tags,
        headers: Type.Object({
          authentication: Type.Optional(Type.String({ description: 'The reset token from /auth/forgot/otp' })),
          authorization: Type.Optional(Type.String({ description: 'Bearer <reset token>' })),
        }),
        body: Type.Object({ new_passoword: Type.Optional(Password), new_password: Type.Optional(Password) }),
        response: withRateLimitHeaders({
          200: Type.Object({ message: Type.String() }),
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: {
        family: 'C',
        invalid: invalidWith([], 'new_password is required', {
          new_passoword: messages.password,
          new_password: messages.password,
        }),
      },
    },
    async (request) => {
      const { new_passoword: documented, new_password: spelled } = request.body;
      if (documented === undefined && spelled === undefined) throw new Problem(400, 'new_password is required');
      if (documented !== undefined && spelled !== undefined && documented !== spelled) {
        throw new Problem(400, 'new_passoword and new_password differ');
      }
      const token = resetToken(request);
      if (token === null) throw new Problem(401, 'Reset token required');
      await app.authRateLimit.check(request, 'reset', tokenAccount(token));
      const account = await resetPasswordWithToken(services, 'reset-token', token, (spelled ?? documented)!, 'C');
      if (!account) throw new Problem(401, 'Invalid or expired reset token');
      return { message: `Password reset instructions sent to ${account.email ?? ''}` };
    },
  );
};
