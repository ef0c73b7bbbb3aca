// Family B (Users): every documented outcome is HTTP 200 with
// {"statusCode": 200, "responseCode": N}; malformed requests are HTTP 400 with
// responseCode 600, too many attempts HTTP 429 with responseCode 429
// (rendered by the shell from Problems). Login sets an HttpOnly `sessionId`
// cookie that `GET /logout` ends.
import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fastifyCookie from '@fastify/cookie';
import { Type, type TSchema } from '@sinclair/typebox';
import { DomainError, Problem } from '../infra/errors.js';
import { bearer } from '../infra/auth.js';
import { fieldOf, isMissing } from '../infra/http/shell.js';
import { UsersApiBody, ref } from '../infra/http/schemas.js';
import { withRateLimitHeaders } from '../infra/ratelimit.js';
import type { Services } from '../infra/services.js';
import { checkSignInBudget, passwordBudgetKey } from './budgets.js';
import { deleteAccount, registerUser, signIn } from './commands.js';
import { requestEmailVerification, requestResetLink, resetPasswordWithToken, tokenAccount, verifyEmail } from './recovery.js';
import { endSession } from './sessions.js';
import { normaliseEmail, SESSION_SECONDS } from './events.js';
import { AccountName, Email, LoginField, Password, Username, messages } from './schemas.js';

const tags = ['B: Users'];

/** B's documented response codes (API-CONTRACT.md, "B's response codes"). */
export const B = {
  emailNotVerified: 601,
  emailNotFound: 602,
  wrongPassword: 603,
  invalidCode: 604,
  verified: 605,
  usernameInUse: 607,
  emailInUse: 608,
  loggedIn: 609,
  wrongEmail: 610,
  loggedOut: 611,
  resetMailSent: 612,
  resetTokenInvalid: 613,
  passwordReset: 614,
  registered: 615,
  codeResent: 616,
  userDeleted: 617,
} as const;

const SESSION_COOKIE = 'sessionId';

const ok = (responseCode: number, extra: Record<string, string> = {}) => ({ statusCode: 200, responseCode, ...extra });

/** A documented outcome: HTTP 200 with the code; which codes a route answers is in its description. */
function Outcome(codes: number[], extra: Record<string, TSchema> = {}) {
  return Type.Object(
    { statusCode: Type.Literal(200), responseCode: Type.Union(codes.map((c) => Type.Literal(c))), ...extra },
    { description: `responseCode ${codes.join(', ')}` },
  );
}

const errors = { 400: ref(UsersApiBody), 429: ref(UsersApiBody), 503: ref(UsersApiBody) };

/** 400 (responseCode 600) with a message naming the field. */
function bInvalid(errs: FastifySchemaValidationError[]): Problem {
  const missing = errs.find(isMissing);
  if (missing) {
    if (missing.instancePath === '' && missing.keyword === 'type') return new Problem(400, 'Request body must be a JSON object');
    return new Problem(400, `${fieldOf(missing)} is required`);
  }
  const e = errs[0]!;
  const field = fieldOf(e);
  if (e.keyword === 'type') return new Problem(400, `${field} must be a string`);
  if (field in messages) return new Problem(400, messages[field as keyof typeof messages]);
  return new Problem(400, `${field} is too long`);
}

const config = { family: 'B' as const, invalid: bInvalid };

export const bUserRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  await app.register(fastifyCookie);
  const production = services.config.nodeEnv === 'production';

  app.post(
    '/users/register',
    {
      schema: {
        operationId: 'usersRegister',
        summary: 'Register; the account is unverified until the mailed code is confirmed (615, 607, 608)',
        tags,
        body: Type.Object({ username: Username, email: Email, password: Password }),
        response: withRateLimitHeaders({
          200: Outcome([B.registered, B.usernameInUse, B.emailInUse], {
            username: Type.Optional(Type.String()),
            email: Type.Optional(Type.String()),
          }),
          ...errors,
        }),
      },
      config,
    },
    async (request) => {
      const { username, email, password } = request.body;
      await app.authRateLimit.check(request, 'registration', username);
      try {
        await registerUser(services, { username, email, password, mustVerifyEmail: true, profile: {}, via: 'B' });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'UsernameTaken') return ok(B.usernameInUse);
        if (error instanceof DomainError && error.code === 'EmailTaken') return ok(B.emailInUse);
        throw error;
      }
      return ok(B.registered, { username, email: normaliseEmail(email) });
    },
  );

  app.post(
    '/users/login',
    {
      schema: {
        operationId: 'usersLogin',
        summary: 'Sign in by email; needs a verified email (609, 601, 602, 603)',
        description:
          'On 609 the body carries the sessionId (also set as the HttpOnly cookie `sessionId`) and an access token (JWT) for Bearer use on every family\'s protected routes.',
        tags,
        body: Type.Object({ email: AccountName, password: LoginField }),
        response: withRateLimitHeaders({
          200: Outcome([B.loggedIn, B.emailNotVerified, B.emailNotFound, B.wrongPassword], {
            username: Type.Optional(Type.String()),
            email: Type.Optional(Type.String()),
            sessionId: Type.Optional(Type.String()),
            token: Type.Optional(Type.String()),
          }),
          ...errors,
        }),
      },
      config,
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await checkSignInBudget(app, request, services, { email }, 'B');
      const result = await signIn(services, { email }, password, 'B', { requireVerifiedEmail: true });
      if (!result.ok) {
        const code = { unknown: B.emailNotFound, 'wrong-password': B.wrongPassword, unverified: B.emailNotVerified };
        return ok(code[result.reason]);
      }
      void reply.setCookie(SESSION_COOKIE, result.sessionId, {
        httpOnly: true,
        path: '/',
        sameSite: 'lax',
        maxAge: SESSION_SECONDS,
        secure: production,
      });
      return ok(B.loggedIn, {
        username: result.username,
        email: result.email ?? '',
        sessionId: result.sessionId,
        token: app.auth.issue(result.userId, result.sessionId),
      });
    },
  );

  app.post(
    '/users/verify-sentcode',
    {
      schema: {
        operationId: 'usersVerifySentCode',
        summary: 'Confirm the email with the mailed code (605, 604, 603, 610)',
        tags,
        body: Type.Object({
          email: AccountName,
          code: Type.String({ minLength: 1, maxLength: 64 }),
          password: LoginField,
        }),
        response: withRateLimitHeaders({ 200: Outcome([B.verified, B.invalidCode, B.wrongPassword, B.wrongEmail]), ...errors }),
      },
      config,
    },
    async (request) => {
      const { email, code, password } = request.body;
      // It checks the password first: the account's password budget, not a code budget.
      await app.authRateLimit.check(request, 'code', await passwordBudgetKey(services, { email }), 'password');
      const result = await verifyEmail(services, email, password, code, 'B');
      const codes = {
        verified: B.verified,
        'already-verified': B.verified,
        unknown: B.wrongEmail,
        'wrong-password': B.wrongPassword,
        'invalid-code': B.invalidCode,
      };
      return ok(codes[result]);
    },
  );

  app.post(
    '/users/resend-verification-code',
    {
      schema: {
        operationId: 'usersResendVerificationCode',
        summary: 'Mail a new verification code; the previous one is void (616, 602, 605 when already verified)',
        tags,
        body: Type.Object({ email: AccountName }),
        response: withRateLimitHeaders({ 200: Outcome([B.codeResent, B.emailNotFound, B.verified]), ...errors }),
      },
      config,
    },
    async (request) => {
      await app.authRateLimit.check(request, 'code', request.body.email);
      const result = await requestEmailVerification(services, request.body.email, 'B');
      return ok({ sent: B.codeResent, unknown: B.emailNotFound, 'already-verified': B.verified }[result]);
    },
  );

  app.post(
    '/users/reset-password',
    {
      schema: {
        operationId: 'usersRequestPasswordReset',
        summary: 'Mail a password reset link /users/reset-password/<token>, good for 60 minutes (612, 602)',
        tags,
        body: Type.Object({ email: AccountName }),
        response: withRateLimitHeaders({ 200: Outcome([B.resetMailSent, B.emailNotFound]), ...errors }),
      },
      config,
    },
    async (request) => {
      await app.authRateLimit.check(request, 'reset', request.body.email);
      const result = await requestResetLink(services, request.body.email, 'B');
      return ok(result === 'sent' ? B.resetMailSent : B.emailNotFound);
    },
  );

  app.post(
    '/users/reset-password/:token',
    {
      schema: {
        operationId: 'usersResetPassword',
        summary: 'Set a new password with the mailed link token; ends every session (614, 613)',
        tags,
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 256 }) }),
        body: Type.Object({ password: Password }),
        response: withRateLimitHeaders({ 200: Outcome([B.passwordReset, B.resetTokenInvalid]), ...errors }),
      },
      config,
    },
    async (request) => {
      const { token } = request.params;
      await app.authRateLimit.check(request, 'reset', tokenAccount(token));
      const account = await resetPasswordWithToken(services, 'reset-link', token, request.body.password, 'B');
      return ok(account ? B.passwordReset : B.resetTokenInvalid);
    },
  );

  app.delete(
    '/users/delete-user',
    {
      schema: {
        operationId: 'usersDeleteUser',
        summary: 'Delete the account (email and password); ends every session, frees username and email (617, 603, 610)',
        tags,
        body: Type.Object({ email: AccountName, password: LoginField }),
        response: withRateLimitHeaders({ 200: Outcome([B.userDeleted, B.wrongPassword, B.wrongEmail]), ...errors }),
      },
      config,
    },
    async (request) => {
      const { email, password } = request.body;
      await app.authRateLimit.check(request, 'sign-in', await passwordBudgetKey(services, { email }), 'password');
      const result = await deleteAccount(services, { email }, password, 'B');
      if (result.ok) return ok(B.userDeleted);
      return ok(result.reason === 'unknown' ? B.wrongEmail : B.wrongPassword);
    },
  );

  app.get(
    '/logout',
    {
      schema: {
        operationId: 'logout',
        summary: 'End the session named by the sessionId cookie, a Bearer access token or Authorization: Bearer <sessionId> (611 always)',
        tags,
        response: { 200: Outcome([B.loggedOut]), 503: ref(UsersApiBody) },
      },
      config,
      // HEAD must not end a session (it changes state; Fastify would answer HEAD by running this handler).
      exposeHeadRoute: false,
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      for (const named of namedSessions(request)) {
        await endSession(services, named.sessionId, 'B', named.userId);
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return ok(B.loggedOut);
    },
  );

  /** Every session the request names: the cookie, and a Bearer value that is either an access token or a session id. */
  function namedSessions(request: FastifyRequest): { sessionId: string; userId?: number }[] {
    const named: { sessionId: string; userId?: number }[] = [];
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie && cookie.length <= 256) named.push({ sessionId: cookie });
    const value = bearer(request);
    if (value && value.length <= 4096) {
      const principal = app.auth.decode(value);
      if (principal) named.push({ sessionId: principal.sessionId, userId: principal.userId });
      else if (value.length <= 256) named.push({ sessionId: value });
    }
    return named;
  }
};
