// Family A (Dium): password reset by a mailed code. `/reset` answers the same
// in every well-formed case, so it tells nobody which accounts exist.
import type { FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Problem } from '../infra/errors.js';
import { fieldOf, isMissing } from '../infra/http/shell.js';
import { ErrorBody, ref } from '../infra/http/schemas.js';
import { withRateLimitHeaders } from '../infra/ratelimit.js';
import type { Services } from '../infra/services.js';
import { limits } from './attempt-limits.js';
import { requestResetCode, resetPasswordWithCode } from './password-reset.js';
import { AccountName, Email, Password, messages } from './schemas.js';

const tags = ['A: Dium'];
const Message = Type.Object({ message: Type.String() });

/** The one answer of `/reset` for every well-formed request. */
export const RESET_SENT = 'If the username and email belong to an account, an OTP has been sent to that email';

function resetInvalid(errors: FastifySchemaValidationError[]): Problem {
  if (errors.some(isMissing)) return new Problem(400, 'Missing username or email');
  const e = errors[0]!;
  const field = fieldOf(e);
  if (e.keyword === 'type') return new Problem(400, `${field} must be a string`);
  if (field === 'email') return new Problem(400, messages.email);
  return new Problem(400, `${field} is too long`);
}

function newPasswordInvalid(errors: FastifySchemaValidationError[]): Problem {
  if (errors.some(isMissing)) return new Problem(400, 'Missing username, OTP, or password');
  const e = errors[0]!;
  const field = fieldOf(e);
  if (field === 'otp') return new Problem(400, 'otp must be a number');
  if (e.keyword === 'type') return new Problem(400, `${field} must be a string`);
  if (field === 'password') return new Problem(400, messages.password);
  return new Problem(400, `${field} is too long`);
}

export const aUserRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/reset',
    {
      schema: {
        operationId: 'requestPasswordResetOtp',
        summary: 'Mail a password reset code (OTP) when username and email belong to one account',
        tags,
        body: Type.Object({ username: AccountName, email: Email }),
        response: withRateLimitHeaders({
          200: Message,
          400: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: { family: 'A', invalid: resetInvalid, rateLimit: limits.naming('reset', 'username') },
    },
    async (request) => {
      const { username, email } = request.body;
      await requestResetCode(services, { username, email }, 'A');
      return { message: RESET_SENT };
    },
  );

  app.post(
    '/new-password',
    {
      schema: {
        operationId: 'setNewPasswordWithOtp',
        summary: 'Set a new password with the mailed code; ends every session of the account',
        tags,
        body: Type.Object({
          username: AccountName,
          otp: Type.Integer({ description: 'The 6-digit code from the mail, as a JSON number' }),
          password: Password,
        }),
        response: withRateLimitHeaders({
          200: Message,
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          429: ref(ErrorBody),
          503: ref(ErrorBody),
        }),
      },
      config: { family: 'A', invalid: newPasswordInvalid, rateLimit: limits.naming('code', 'username') },
    },
    async (request) => {
      const { username, otp, password } = request.body;
      const outcome = await resetPasswordWithCode(services, { username }, String(otp), password, 'A');
      if (outcome.kind === 'invalid-secret') throw new Problem(401, 'invalid credentials');
      return { message: 'Password updated successfully' };
    },
  );
};
