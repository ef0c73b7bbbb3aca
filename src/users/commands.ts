// Account workflows that span streams: registration (id, username and email
// claims, the account itself) and sign-in. Every family's routes call these;
// the family only decides the envelope of the answer.
import { randomUUID } from 'node:crypto';
import { fold, handle } from '../infra/commands.js';
import { DomainError } from '../infra/errors.js';
import { randomToken } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import { claimDecider, type ClaimKind, type ClaimState } from './claims.js';
import { userDecider, type UserState } from './decider.js';
import { SESSION_SECONDS, streams, type Family, type Profile } from './events.js';

/** A claim whose account stream never appeared this long after it was made is a crashed registration. */
const ABANDONED_AFTER_MS = 10_000;

const deciders = { username: claimDecider('username'), email: claimDecider('email') };

const claimStream = (kind: ClaimKind, value: string) =>
  kind === 'username' ? streams.username(value) : streams.email(value);

/** The holder of a claim, unless that holder's registration crashed half-way (then `abandonedBy`). */
async function readClaim(
  svc: Services,
  kind: ClaimKind,
  value: string,
): Promise<{ state: ClaimState; abandonedBy?: number }> {
  const { state } = await fold(svc.eventStore, claimStream(kind, value), deciders[kind]);
  if (state.holder === null || state.since === null) return { state };
  const age = svc.now().getTime() - Date.parse(state.since);
  if (age < ABANDONED_AFTER_MS) return { state };
  const account = await svc.eventStore.readStream(streams.user(state.holder));
  return account.length === 0 ? { state, abandonedBy: state.holder } : { state };
}

async function claim(svc: Services, kind: ClaimKind, value: string, userId: number, abandonedBy?: number) {
  const now = svc.now();
  await handle(svc.eventStore, claimStream(kind, value), deciders[kind], {
    type: 'Claim',
    data: { userId, value, ...(abandonedBy === undefined ? {} : { abandonedBy }) },
    metadata: { now },
  });
}

async function release(svc: Services, kind: ClaimKind, value: string, userId: number) {
  await handle(svc.eventStore, claimStream(kind, value), deciders[kind], {
    type: 'Release',
    data: { userId },
    metadata: { now: svc.now() },
  });
}

export interface Registration {
  username: string;
  email: string | null;
  password: string;
  verified: boolean;
  profile: Profile;
  via: Family;
}

/**
 * Registers an account. Throws DomainError UsernameTaken or EmailTaken.
 * Ids come from the event store's counter stream, so they are allocated in
 * order and never reused; a registration that loses a race leaves a gap.
 */
export async function registerUser(svc: Services, r: Registration): Promise<{ userId: number }> {
  const username = await readClaim(svc, 'username', r.username);
  if (username.state.holder !== null && username.abandonedBy === undefined) throw new DomainError('UsernameTaken');
  const email = r.email === null ? null : await readClaim(svc, 'email', r.email);
  if (email && email.state.holder !== null && email.abandonedBy === undefined) throw new DomainError('EmailTaken');

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
      await release(svc, 'username', r.username, userId);
      throw error;
    }
  }
  const registered = await handle(svc.eventStore, streams.user(userId), userDecider, {
    type: 'RegisterUser',
    data: {
      userId,
      username: r.username,
      email: r.email,
      passwordHash,
      verified: r.verified,
      profile: r.profile,
      via: r.via,
    },
    metadata: { now: svc.now() },
  });
  await svc.settle(registered.position);
  return { userId };
}

export type Identifier = { username: string } | { email: string };

export type SignInResult =
  | { ok: true; userId: number; username: string; email: string | null; sessionId: string }
  | { ok: false; reason: 'unknown' | 'wrong-password' | 'unverified' };

/** Finds an account by username or email through its claim stream (the event store, not a read model). */
export async function findAccount(svc: Services, id: Identifier): Promise<UserState | null> {
  const { state: claimState } =
    'username' in id
      ? await fold(svc.eventStore, streams.username(id.username), deciders.username)
      : await fold(svc.eventStore, streams.email(id.email), deciders.email);
  if (claimState.holder === null) return null;
  const { state } = await fold(svc.eventStore, streams.user(claimState.holder), userDecider);
  return state.status === 'active' ? state : null;
}

/** Checks the password and starts a session (an event); the caller signs the token. */
export async function signIn(svc: Services, id: Identifier, password: string, via: Family): Promise<SignInResult> {
  const account = await findAccount(svc, id);
  if (!account || account.userId === null) {
    await svc.passwords.verifyNothing(password);
    return { ok: false, reason: 'unknown' };
  }
  if (!(await svc.passwords.verify(account.passwordHash, password))) return { ok: false, reason: 'wrong-password' };
  if (!account.verified) return { ok: false, reason: 'unverified' };
  const sessionId = randomToken();
  try {
    const started = await handle(svc.eventStore, streams.user(account.userId), userDecider, {
      type: 'StartSession',
      data: { sessionKey: svc.keyedHash('session', sessionId), via, seconds: SESSION_SECONDS },
      metadata: { now: svc.now() },
    });
    await svc.settle(started.position);
  } catch (error) {
    // The account changed between the check and the session (deleted, say): as if unknown.
    if (error instanceof DomainError && error.code === 'UnknownUser') return { ok: false, reason: 'unknown' };
    throw error;
  }
  return { ok: true, userId: account.userId, username: account.username, email: account.email, sessionId };
}
