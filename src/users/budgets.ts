// Budgets that count what an attacker gains, not how requests are spelled
// (README, "Budgets"):
// - one password budget per account, whatever the family, route or identifier;
// - a risk budget for guessing reset codes, shared by every client and
//   instance, which AUTH_RATE_LIMIT=0 does not turn off.
import type { Charge, SlidingWindow } from '../infra/ratelimit.js';
import type { Services } from '../infra/services.js';
import { findAccount, type Identifier } from './accounts.js';
import { CODE_SECONDS, normaliseEmail, normaliseUsername } from './events.js';

/**
 * The key of an account's password budget: its user id when the identifier
 * names an account (username or email, any case), else the identifier as
 * normalised, so an unknown account is counted just like a known one. Null
 * when the limits are off (no look-up then).
 */
export async function passwordBudgetKey(svc: Services, id: Identifier): Promise<string | null> {
  if (svc.config.authRateLimit === 0) return null;
  const account = await findAccount(svc, id);
  if (account) return `user:${account.userId}`;
  return 'username' in id ? `username:${normaliseUsername(id.username.trim())}` : `email:${normaliseEmail(id.email)}`;
}

/** Reset codes are 6 digits not starting with 0 (A's otp is a JSON number). */
export const CODE_SPACE = 900_000;

/**
 * Per rolling 24 hours, in units of 1/CODE_SPACE: the chance of one code
 * guess taking over an account. Code-only guesses (C's `{otp}`) are charged
 * the number of live codes, named ones (C's `{email, otp}`, A's
 * `/new-password`) one unit; a guess that turns out right is refunded. The
 * two together stay under 1/1,000 (README, "Guessing reset codes").
 */
export const GUESS_BUDGET = { 'code-only': 450, named: 445 } as const;
export type GuessForm = keyof typeof GUESS_BUDGET;

/** Hourly buckets, 25 of them: every 24-hour span lies within what one check sums. */
const DAY: Omit<SlidingWindow, 'budget'> = { bucketMs: 3_600_000, buckets: 25 };

/** Codes issued in the last code lifetime (plus the bucket in progress) bound the live ones from above. */
const LIVE: SlidingWindow = { bucketMs: 60_000, buckets: CODE_SECONDS['password-reset'] / 60 + 1, budget: null };

/** Counts a reset code about to be issued (before it is, so a live code is never missed). */
export async function resetCodeIssued(svc: Services): Promise<void> {
  await svc.limits.charge('reset-codes-issued', 1, LIVE);
}

/**
 * Reserves the risk of one guess before it is tested; null when the budget
 * would be exceeded (the guess is then answered as a wrong code, untested).
 * Refund the reservation when the guess turns out right.
 */
export async function reserveGuess(svc: Services, form: GuessForm): Promise<Charge | null> {
  const units = form === 'code-only' ? Math.max(1, (await svc.limits.charge('reset-codes-issued', 0, LIVE)).total) : 1;
  const charge = await svc.limits.charge(`reset-guesses:${form}`, units, { ...DAY, budget: GUESS_BUDGET[form] });
  return charge.ok ? charge : null;
}
