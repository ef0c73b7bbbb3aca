// Signing in and sessions: the password check that starts a session, whether
// a session is live (every signed-in request asks), and ending sessions (B's
// logout). Password resets and account deletion end every session of the
// account in their own commands.
import { randomUUID } from 'node:crypto';
import { randomToken } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import { findAccount, type Identifier } from './accounts.js';
import { sessionEntry, sessionEntryAt, userKeys } from './read-model.js';
import { SESSION_SECONDS, streams, type Family, type SignInFailure, type UserEvent } from './events.js';
import { execute } from './execute.js';
import { sessionKey } from './tokens.js';

export type SignInResult =
  | { ok: true; userId: number; username: string; email: string | null; sessionId: string }
  | { ok: false; reason: 'unknown' | 'wrong-password' | 'unverified' };

/**
 * Checks the password and starts a session (an event); the caller signs the
 * token. `requireVerifiedEmail`: B's login, which asks every account for a
 * confirmed email; every family refuses accounts that must verify and have not.
 */
export async function signIn(
  svc: Services,
  id: Identifier,
  password: string,
  via: Family,
  options: { requireVerifiedEmail?: boolean } = {},
): Promise<SignInResult> {
  const account = await findAccount(svc, id);
  if (!account) {
    await svc.passwords.verifyNothing(password);
    return { ok: false, reason: 'unknown' };
  }
  if (!(await svc.passwords.verify(account.passwordHash, password))) {
    await recordFailedSignIn(svc, account.userId, 'wrong-password', via);
    return { ok: false, reason: 'wrong-password' };
  }
  const sessionId = randomToken();
  const { userId, username, email } = account;
  const result = await execute<SignInResult>(
    svc,
    userId,
    {
      type: 'StartSession',
      data: {
        sessionKey: sessionKey(svc, sessionId),
        via,
        seconds: SESSION_SECONDS,
        ...(options.requireVerifiedEmail ? { requireVerifiedEmail: true } : {}),
      },
    },
    {
      done: () => ({ ok: true, userId, username, email, sessionId }),
      refused: {
        EmailNotVerified: { ok: false, reason: 'unverified' },
        // The account changed between the check and the session (deleted, say): as if unknown.
        UnknownUser: { ok: false, reason: 'unknown' },
      },
    },
  );
  if (!result.ok && result.reason === 'unverified') await recordFailedSignIn(svc, userId, 'unverified', via);
  return result;
}

/**
 * Records a refused sign-in on an existing account (for the audit; no state
 * changes). Appended without a decision: it never conflicts with a command,
 * and the rate limits bound how many there are (README, "Failed sign-ins").
 */
export async function recordFailedSignIn(svc: Services, userId: number, reason: SignInFailure, via: Family): Promise<void> {
  const event: UserEvent = { type: 'SignInFailed', data: { userId, reason, via, at: svc.now().toISOString() } };
  await svc.eventStore.append(streams.user(userId), [{ id: randomUUID(), ...event }], 'stream_exists');
}

/**
 * Ends one session. `userId` when the caller knows the account (a verified
 * JWT names it); otherwise the session's entry in the users read model says
 * whose it is. Answers whether a live session was ended.
 */
export async function endSession(svc: Services, sessionId: string, via: Family, userId?: number): Promise<boolean> {
  const key = sessionKey(svc, sessionId);
  let owner = userId;
  if (owner === undefined) {
    const session = await sessionEntry(svc.readStore, key);
    if (!session) return false;
    owner = Number(session.userId);
  }
  return execute(svc, owner, { type: 'EndSession', data: { sessionKey: key, via } }, { done: (ended) => ended.events.length > 0 });
}

/**
 * The check behind every access token: its session is in the users read model,
 * belongs to the token's account, and has not expired. The session's read-model
 * key is an HMAC of its id. The verifier hands over the same principal object
 * for a token it verified lately, so what the check derives from it (the entry's name,
 * the account id as the model writes it) is kept with the principal, not worked
 * out again at every request.
 */
export function sessionLiveness(svc: Services): (principal: { userId: number; sessionId: string }) => Promise<boolean> {
  const derived = new WeakMap<object, { name: string; owner: string; expiresAt: string; expiresMs: number }>();
  return async (principal) => {
    let d = derived.get(principal);
    if (d === undefined) {
      d = { name: userKeys.session(sessionKey(svc, principal.sessionId)), owner: String(principal.userId), expiresAt: '', expiresMs: NaN };
      derived.set(principal, d);
    }
    const session = await sessionEntryAt(svc.readStore, d.name);
    if (!session || session.userId !== d.owner) return false;
    // The expiry parsed once for as long as the session's entry says the same.
    if (session.expiresAt !== d.expiresAt) {
      d.expiresAt = session.expiresAt;
      d.expiresMs = Date.parse(session.expiresAt);
    }
    return d.expiresMs > svc.now().getTime();
  };
}

/** What a logout presents: the session cookie, and a Bearer value that is either an access token or a session id. */
export interface LogoutRequest {
  cookie: string | undefined;
  bearer: string | null;
}

/** Every session a logout names, with its account when a verified access token says whose it is. */
export function namedSessions(
  given: LogoutRequest,
  decode: (token: string) => { userId: number; sessionId: string } | null,
): { sessionId: string; userId?: number }[] {
  const named: { sessionId: string; userId?: number }[] = [];
  if (given.cookie && given.cookie.length <= 256) named.push({ sessionId: given.cookie });
  const value = given.bearer;
  if (value && value.length <= 4096) {
    const principal = decode(value);
    if (principal) named.push({ sessionId: principal.sessionId, userId: principal.userId });
    else if (value.length <= 256) named.push({ sessionId: value });
  }
  return named;
}

/** B's logout: ends every session the request names (none named, or none live: nothing to do). */
export async function logOut(
  svc: Services,
  given: LogoutRequest,
  decode: (token: string) => { userId: number; sessionId: string } | null,
  via: Family,
): Promise<void> {
  for (const named of namedSessions(given, decode)) {
    await endSession(svc, named.sessionId, via, named.userId);
  }
}
