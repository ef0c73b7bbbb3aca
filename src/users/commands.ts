// Account workflows that span streams: registration (id, username and email
// claims, the account itself), lookup, sign-in and deletion. Every family's
// routes call these; the family only decides the envelope of the answer.
import { randomUUID } from 'node:crypto';
import { fold, handle } from '../infra/commands.js';
import { DomainError } from '../infra/errors.js';
import { randomCode, randomToken } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import { claimDecider, type ClaimKind, type ClaimState } from './claims.js';
import { userDecider, type UserState } from './decider.js';
import {
  SESSION_SECONDS,
  emailKey,
  normaliseEmail,
  streams,
  usernameKey,
  type CodePurpose,
  type Family,
  type Profile,
  type SignInFailure,
  type UserEvent,
} from './events.js';
import { mayMail, verificationCodeMail } from './mails.js';

/** A claim whose account stream never appeared this long after it was made is a crashed registration. */
const ABANDONED_AFTER_MS = 10_000;

const deciders = { username: claimDecider('username'), email: claimDecider('email') };

/** Claim streams are named by a keyed HMAC of the normalised value: no personal data in stream names. */
const claimStream = (svc: Services, kind: ClaimKind, value: string) =>
  kind === 'username' ? streams.username(usernameKey(svc.names, value)) : streams.email(emailKey(svc.names, value));

/** The HMAC a one-time secret is stored as. Bound to its purpose, not to an account (C looks codes up by it). */
export const codeKey = (svc: Services, purpose: CodePurpose, secret: string) => svc.keyedHash(`code:${purpose}`, secret);

/** The HMAC a session id is stored as (the read model's `session:<key>`). */
export const sessionKey = (svc: Services, sessionId: string) => svc.keyedHash('session', sessionId);

/**
 * The holder of a claim, unless that holder no longer needs it (then
 * `abandonedBy`): its registration crashed half-way, or it was deleted and
 * the release did not happen (a crash between the two appends).
 */
async function readClaim(
  svc: Services,
  kind: ClaimKind,
  value: string,
): Promise<{ state: ClaimState; abandonedBy?: number }> {
  const { state } = await fold(svc.eventStore, claimStream(svc, kind, value), deciders[kind]);
  if (state.holder === null || state.since === null) return { state };
  const account = await fold(svc.eventStore, streams.user(state.holder), userDecider);
  if (account.state.status === 'deleted') return { state, abandonedBy: state.holder };
  const age = svc.now().getTime() - Date.parse(state.since);
  if (age < ABANDONED_AFTER_MS) return { state };
  return account.revision === 'no_stream' ? { state, abandonedBy: state.holder } : { state };
}

async function claim(svc: Services, kind: ClaimKind, value: string, userId: number, abandonedBy?: number) {
  const now = svc.now();
  await handle(svc.eventStore, claimStream(svc, kind, value), deciders[kind], {
    type: 'Claim',
    data: { userId, value, ...(abandonedBy === undefined ? {} : { abandonedBy }) },
    metadata: { now },
  });
}

/** `stream`: the claim stream's name (the account's state keeps its HMAC, not the value). */
async function release(svc: Services, kind: ClaimKind, stream: string, userId: number) {
  await handle(svc.eventStore, stream, deciders[kind], {
    type: 'Release',
    data: { userId },
    metadata: { now: svc.now() },
  });
}

export interface Registration {
  username: string;
  email: string | null;
  password: string;
  /** B: the account gets a verification code by mail and signs in nowhere until it is confirmed. */
  mustVerifyEmail: boolean;
  profile: Profile;
  via: Family;
}

/**
 * Registers an account. Throws DomainError UsernameTaken or EmailTaken, and
 * MailUnavailableError when the verification code could not be mailed (the
 * account exists then; `/users/resend-verification-code` sends another).
 * Ids come from the event store's counter stream, so they are allocated in
 * order and never reused; a registration that loses a race leaves a gap.
 */
export async function registerUser(svc: Services, given: Registration): Promise<{ userId: number }> {
  // Emails are kept lower-cased (API-CONTRACT.md); the username keeps the spelling given.
  const r = { ...given, email: given.email === null ? null : normaliseEmail(given.email) };
  const username = await readClaim(svc, 'username', r.username);
  if (username.state.holder !== null && username.abandonedBy === undefined) throw new DomainError('UsernameTaken');
  const email = r.email === null ? null : await readClaim(svc, 'email', r.email);
  if (email && email.state.holder !== null && email.abandonedBy === undefined) throw new DomainError('EmailTaken');
  if (r.mustVerifyEmail && r.email === null) throw new DomainError('NoEmail', 'verification needs an email');

  const passwordHash = await svc.passwords.hash(r.password);
  const allocated = await svc.eventStore.append(
    streams.userIds,
    [{ id: randomUUID(), type: 'UserIdAllocated', data: { at: svc.now().toISOString() } }],
    'any',
  );
  const userId = Number(allocated.nextExpectedRevision) + 1;

  await claim(svc, 'username', r.username, userId, username.abandonedBy);
  if (r.email !== null) {
    try {
      await claim(svc, 'email', r.email, userId, email?.abandonedBy);
    } catch (error) {
      await release(svc, 'username', claimStream(svc, 'username', r.username), userId);
      throw error;
    }
  }
  const code = r.mustVerifyEmail ? randomCode() : null;
  const registered = await handle(svc.eventStore, streams.user(userId), userDecider, {
    type: 'RegisterUser',
    data: {
      userId,
      username: r.username,
      email: r.email,
      passwordHash,
      usernameKey: usernameKey(svc.names, r.username),
      emailKey: r.email === null ? null : emailKey(svc.names, r.email),
      mustVerifyEmail: r.mustVerifyEmail,
      profile: r.profile,
      via: r.via,
      ...(code === null ? {} : { verificationCodeKey: codeKey(svc, 'email-verification', code) }),
    },
    metadata: { now: svc.now() },
  });
  await svc.settle(registered.position);
  if (code !== null && registered.state.email !== null) {
    // Over the recipient's hourly mails (register, delete, register again): nothing sent; resend later.
    if (await mayMail(svc, registered.state.email)) {
      await svc.mailer.send({ ...verificationCodeMail(registered.state.email, code), accountId: userId });
    } else await svc.mailer.probe();
  }
  return { userId };
}

export type Identifier = { username: string } | { email: string };

/** Folds one account's stream. */
export async function loadAccount(svc: Services, userId: number) {
  return fold(svc.eventStore, streams.user(userId), userDecider);
}

/** Finds a live account by username or email through its claim stream (the event store, not a read model). */
export async function findAccount(svc: Services, id: Identifier): Promise<UserState | null> {
  const { state: claimState } =
    'username' in id
      ? await fold(svc.eventStore, claimStream(svc, 'username', id.username), deciders.username)
      : await fold(svc.eventStore, claimStream(svc, 'email', id.email), deciders.email);
  if (claimState.holder === null) return null;
  const { state } = await loadAccount(svc, claimState.holder);
  return state.status === 'active' ? state : null;
}

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
  if (!account || account.userId === null) {
    await svc.passwords.verifyNothing(password);
    return { ok: false, reason: 'unknown' };
  }
  if (!(await svc.passwords.verify(account.passwordHash, password))) {
    await recordFailedSignIn(svc, account.userId, 'wrong-password', via);
    return { ok: false, reason: 'wrong-password' };
  }
  const sessionId = randomToken();
  try {
    const started = await handle(svc.eventStore, streams.user(account.userId), userDecider, {
      type: 'StartSession',
      data: {
        sessionKey: sessionKey(svc, sessionId),
        via,
        seconds: SESSION_SECONDS,
        ...(options.requireVerifiedEmail ? { requireVerifiedEmail: true } : {}),
      },
      metadata: { now: svc.now() },
    });
    await svc.settle(started.position);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'EmailNotVerified') {
      await recordFailedSignIn(svc, account.userId, 'unverified', via);
      return { ok: false, reason: 'unverified' };
    }
    // The account changed between the check and the session (deleted, say): as if unknown.
    if (error instanceof DomainError && error.code === 'UnknownUser') return { ok: false, reason: 'unknown' };
    throw error;
  }
  return { ok: true, userId: account.userId, username: account.username, email: account.email, sessionId };
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

export type DeleteResult = { ok: true; userId: number } | { ok: false; reason: 'unknown' | 'wrong-password' };

/**
 * Deletes an account after checking its password: every session ends, every
 * outstanding code is void, the username and email are released (free for
 * anyone from then on), and the account's data key is destroyed: its personal
 * data reads as erased everywhere from then on, its D data included. The
 * account's history stays in the log as event types and times.
 */
export async function deleteAccount(svc: Services, id: Identifier, password: string, via: Family): Promise<DeleteResult> {
  const account = await findAccount(svc, id);
  if (!account || account.userId === null) {
    await svc.passwords.verifyNothing(password);
    return { ok: false, reason: 'unknown' };
  }
  if (!(await svc.passwords.verify(account.passwordHash, password))) return { ok: false, reason: 'wrong-password' };
  const userId = account.userId;
  let deleted;
  try {
    deleted = await handle(svc.eventStore, streams.user(userId), userDecider, {
      type: 'DeleteAccount',
      data: { via },
      metadata: { now: svc.now() },
    });
  } catch (error) {
    // Deleted by a concurrent request: gone either way.
    if (error instanceof DomainError && error.code === 'UnknownUser') return { ok: false, reason: 'unknown' };
    throw error;
  }
  // Released after the deletion is recorded: a crash in between leaves claims that registerUser treats as abandoned.
  const { usernameKey: nameKey, emailKey: mailKey } = account;
  await release(svc, 'username', nameKey ? streams.username(nameKey) : claimStream(svc, 'username', account.username), userId);
  if (account.email !== null) {
    await release(svc, 'email', mailKey ? streams.email(mailKey) : claimStream(svc, 'email', account.email), userId);
  }
  // The projections drop what they hold of the account whether or not the key
  // is still there. A crash before the key is destroyed is finished by the
  // next instance that reads the deletion from the log (DataKeys.forget).
  await svc.dataKeys.destroy(String(userId));
  await svc.settle(deleted.position);
  return { ok: true, userId };
}
