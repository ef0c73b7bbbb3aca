// Which attempts the users routes count, declared in each route's options as
// `config: { rateLimit: ... }` and applied by one hook (infra/ratelimit.ts):
// per client address and kind, and per account when the request names one.
import type { FastifyRequest } from 'fastify';
import type { AttemptKind, RateLimitRule } from '../infra/ratelimit.js';
import type { Services } from '../infra/services.js';
import { passwordBudgetKey } from './budgets.js';
import { recordFailedSignIn } from './sign-in.js';
import { tokenAccount } from './tokens.js';

type NameField = 'username' | 'email';

/** A text field of the validated body, if the request sent one. */
function bodyText(request: FastifyRequest, field: string): string | undefined {
  const value = (request.body as Record<string, unknown> | null | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** The budget key names an existing account ("user:<id>"): record the locked-out sign-in on it, under the route's family. */
async function lockedOut(request: FastifyRequest, account: string | number, svc: Services): Promise<void> {
  const key = String(account);
  const family = request.routeOptions.config?.family;
  if (key.startsWith('user:') && family) await recordFailedSignIn(svc, Number(key.slice(5)), 'locked-out', family);
}

export const limits = {
  /** An attempt against the account the body names (as spelled): registration, codes, reset requests. */
  naming: (kind: AttemptKind, field: NameField): RateLimitRule => ({ kind, account: (request) => bodyText(request, field) }),
  /** A route that checks the account's password: the account's one password budget, whatever the identifier. */
  password: (kind: AttemptKind, field: NameField): RateLimitRule => ({
    kind,
    budget: 'password',
    account: (request, svc) => {
      const name = bodyText(request, field) ?? '';
      return passwordBudgetKey(svc, field === 'username' ? { username: name } : { email: name });
    },
    // A sign-in refused because the account's budget is spent is recorded on the account (once per window).
    ...(kind === 'sign-in' ? { onLockedOut: lockedOut } : {}),
  }),
  /** A password reset by token: against the account the token names. */
  resetToken: (token: (request: FastifyRequest) => string | null): RateLimitRule => ({
    kind: 'reset',
    account: (request) => {
      const given = token(request);
      return given === null ? null : tokenAccount(given);
    },
  }),
};
