// Password resets, all four secret kinds: A's mailed code with its username
// (`/reset`, `/new-password`), B's mailed link token, C's mailed code traded
// for a reset token (`/auth/forgot`, `/auth/forgot/otp`, `/auth/forgot/reset`).
// Secrets are random, mailed, stored only as keyed HMACs, single use, expiring,
// and void after five wrong attempts or when a newer one is issued (the
// decider). A recipient gets a few mails an hour at most (mayMail), and
// guesses at reset codes draw on a risk budget shared by every client
// (budgets.ts).
import { MailUnavailableError } from '../infra/mail.js';
import { randomCode } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import { USERS, userKeys } from './read-model.js';
import { reserveGuess, resetCodeIssued } from './budgets.js';
import { findAccount, type Identifier } from './accounts.js';
import { emailOf, type ActiveAccount, type ResetPurpose } from './decider.js';
import { normaliseEmail, type Family } from './events.js';
import { mayMail, resetCodeMail, resetLinkMail } from './mails.js';
import { ATTEMPTS, execute, used } from './execute.js';
import { codeKey, newToken, tokenAccount } from './tokens.js';

/** What a reset came to: the password is new (every session ended), or the secret was no good. */
export type ResetOutcome = { kind: 'reset'; email: string | null } | { kind: 'invalid-secret' };

/** What C's code exchange came to: a reset token, or the code was no good. */
export type ExchangeOutcome = { kind: 'token'; token: string } | { kind: 'invalid-secret' };

const INVALID = { kind: 'invalid-secret' } as const;

/**
 * Answers that must not tell whether an account exists cannot do the same
 * work on both paths: for a known account the code is appended (an fsync)
 * and mailed, for an unknown one the mail transport is only probed (with
 * SMTP a fresh connection, slower than a pooled send). So they take the same
 * time instead: each answers no sooner than a floor, 1.5 times the slowest of
 * the last 16 such requests (either path), never under 50 ms nor over 5 s.
 * The floor is taken before the work starts, so it does not depend on the
 * path taken; work that outlasts it answers late and raises it.
 */
export function evenAnswers(options: { minimumMs?: number; maximumMs?: number; window?: number; factor?: number } = {}) {
  const { minimumMs = 50, maximumMs = 5000, window = 16, factor = 1.5 } = options;
  const recent: number[] = [];
  return async function evenly<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const floor = Math.min(maximumMs, Math.max(minimumMs, factor * Math.max(0, ...recent)));
    try {
      return await work();
    } finally {
      const took = performance.now() - started;
      recent.push(took);
      if (recent.length > window) recent.shift();
      if (took < floor) await new Promise((resolve) => setTimeout(resolve, floor - took));
    }
  };
}

/** One floor per service instance, shared by A's and C's reset requests (the same work). */
const resetAnswers = new WeakMap<Services, ReturnType<typeof evenAnswers>>();

/** Whose reset code: C names the account by its email, A by its username and email together. */
export type ResetRequester = { email: string } | { username: string; email: string };

/**
 * A and C: a 6-digit reset code by mail to the account's address, in the same
 * time whether or not there is one (see evenAnswers). Nobody to mail (unknown,
 * or A's username and email do not match): the mail transport is only probed,
 * so the answer, and a mail outage, look the same whether or not the account
 * exists. A send that fails while the transport is up (the server refused this
 * recipient) is logged and answered like the rest.
 */
export async function requestResetCode(svc: Services, who: ResetRequester, via: Family): Promise<void> {
  let evenly = resetAnswers.get(svc);
  if (!evenly) resetAnswers.set(svc, (evenly = evenAnswers()));
  const lookup = () => ('username' in who ? accountForReset(svc, who.username, who.email) : findAccount(svc, { email: who.email }));
  return evenly(async () => sendResetCode(svc, await lookup(), via));
}

async function sendResetCode(svc: Services, account: ActiveAccount | null, via: Family): Promise<void> {
  const code = randomCode();
  const key = codeKey(svc, 'password-reset', code);
  if (!account || account.email === null) {
    await svc.mailer.probe();
    return;
  }
  // Over the recipient's hourly mails: the same answer, nothing issued, nothing sent.
  if (!(await mayMail(svc, account.email))) return svc.mailer.probe();
  await resetCodeIssued(svc);
  const issued = await execute(
    svc,
    account.userId,
    { type: 'RequestPasswordReset', data: { purpose: 'password-reset', codeKey: key, via } },
    // Deleted in the meantime: nobody to mail, same answer.
    { done: () => true, refused: { UnknownUser: false, NoEmail: false } },
  );
  if (!issued) return svc.mailer.probe();
  try {
    await svc.mailer.send(resetCodeMail(account.email, code));
  } catch (error) {
    if (!(error instanceof MailUnavailableError)) throw error;
    // The answer may depend on the mail transport (down: 503 for everyone, as the probe
    // answers for unknown accounts) but never on this recipient, which would tell that it exists.
    await svc.mailer.probe();
  }
}

/** A's `/reset`: the account whose username AND email match, or null. */
async function accountForReset(svc: Services, username: string, email: string): Promise<ActiveAccount | null> {
  const account = await findAccount(svc, { username });
  return account && account.email !== null && account.email === normaliseEmail(email) ? account : null;
}

/** B's `/users/reset-password`: a link token by mail. */
export async function requestResetLink(svc: Services, email: string, via: Family): Promise<'sent' | 'unknown'> {
  const account = await findAccount(svc, { email });
  if (!account || account.email === null) return 'unknown';
  if (!(await mayMail(svc, account.email))) {
    await svc.mailer.probe();
    return 'sent';
  }
  const token = newToken(account.userId);
  const issued = await execute<'sent' | 'unknown'>(
    svc,
    account.userId,
    { type: 'RequestPasswordReset', data: { purpose: 'reset-link', codeKey: codeKey(svc, 'reset-link', token), via } },
    { done: () => 'sent', refused: { UnknownUser: 'unknown', NoEmail: 'unknown' } },
  );
  if (issued === 'sent') await svc.mailer.send(resetLinkMail(account.email, token));
  return issued;
}

async function resetPassword(
  svc: Services,
  userId: number | null,
  purpose: ResetPurpose,
  secret: string,
  newPassword: string,
  via: Family,
): Promise<ResetOutcome> {
  // The new password is hashed even when the secret turns out wrong: the answer takes as long either way.
  const passwordHash = await svc.passwords.hash(newPassword);
  // A guess at a 6-digit code (A) is charged to the shared budget first, known account or not.
  const charge = purpose === 'password-reset' ? await reserveGuess(svc, 'named') : null;
  if (purpose === 'password-reset' && charge === null) return INVALID;
  if (userId === null) return INVALID;
  const outcome = await execute<ResetOutcome>(
    svc,
    userId,
    { type: 'ResetPassword', data: { purpose, codeKey: codeKey(svc, purpose, secret), passwordHash, via } },
    {
      done: (reset) => (used(reset.events) ? { kind: 'reset', email: emailOf(reset.state) } : INVALID),
      refused: { InvalidCode: INVALID, UnknownUser: INVALID },
    },
    { attempts: ATTEMPTS },
  );
  if (outcome.kind === 'reset' && charge) await svc.limits.refund(charge);
  return outcome;
}

/** A's `/new-password`: username and the mailed code. Every session of the account ends. */
export async function resetPasswordWithCode(
  svc: Services,
  id: Identifier,
  code: string,
  newPassword: string,
  via: Family,
): Promise<ResetOutcome> {
  const account = await findAccount(svc, id);
  return resetPassword(svc, account?.userId ?? null, 'password-reset', code, newPassword, via);
}

/** B's link or C's reset token (its answer names the account's email). */
export async function resetPasswordWithToken(
  svc: Services,
  purpose: 'reset-link' | 'reset-token',
  token: string,
  newPassword: string,
  via: Family,
): Promise<ResetOutcome> {
  return resetPassword(svc, tokenAccount(token), purpose, token, newPassword, via);
}

/**
 * C's `/auth/forgot/otp`: the mailed reset code for a reset token (good for
 * `/auth/forgot/reset` only, 10 minutes, once). Without an email the code
 * is looked up by its HMAC, and accepted only when exactly one account has
 * it outstanding. Such a guess is tested against every live code, so it is
 * charged as many units of the shared risk budget as there may be live
 * codes; a named guess one unit. Once a budget is spent, its guesses are
 * answered as wrong codes, untested, until the rolling day frees some.
 */
export async function exchangeResetCode(
  svc: Services,
  email: string | null,
  code: string,
  via: Family,
): Promise<ExchangeOutcome> {
  const charge = await reserveGuess(svc, email === null ? 'code-only' : 'named');
  if (charge === null) return INVALID;
  const outcome = await exchange(svc, email, code, via);
  if (outcome.kind === 'token') await svc.limits.refund(charge);
  return outcome;
}

async function exchange(svc: Services, email: string | null, code: string, via: Family): Promise<ExchangeOutcome> {
  const key = codeKey(svc, 'password-reset', code);
  let userId: number | null = null;
  if (email !== null) {
    userId = (await findAccount(svc, { email }))?.userId ?? null;
  } else {
    const holders = (await svc.readStore.hgetall(USERS, userKeys.resetCode(key))) ?? {};
    const now = svc.now().getTime();
    const live = Object.entries(holders).filter(([, expiresAt]) => Date.parse(expiresAt) > now);
    if (live.length === 1) userId = Number(live[0]![0]);
  }
  if (userId === null) return INVALID;
  const token = newToken(userId);
  return execute<ExchangeOutcome>(
    svc,
    userId,
    { type: 'ExchangeResetCode', data: { codeKey: key, tokenKey: codeKey(svc, 'reset-token', token), via } },
    {
      done: (exchanged) => (used(exchanged.events) ? { kind: 'token', token } : INVALID),
      refused: { InvalidCode: INVALID, UnknownUser: INVALID },
    },
    { attempts: ATTEMPTS },
  );
}

