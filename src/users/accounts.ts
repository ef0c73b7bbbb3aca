// Accounts by name: the username and email claim streams (named by keyed
// HMACs of the normalised values), what they say about who holds a name, and
// the account streams they point to. Registration claims names, deletion
// releases them, and every capability finds accounts through them here.
import { fold, handle } from '../infra/commands.js';
import type { Services } from '../infra/services.js';
import { claimDecider, type ClaimKind, type ClaimState } from './claims.js';
import { userDecider, type ActiveAccount } from './decider.js';
import { emailKey, streams, usernameKey } from './events.js';

/** A claim whose account stream never appeared this long after it was made is a crashed registration. */
const ABANDONED_AFTER_MS = 10_000;

const deciders = { username: claimDecider('username'), email: claimDecider('email') };

/** Claim streams are named by a keyed HMAC of the normalised value: no personal data in stream names. */
export const claimStream = (svc: Services, kind: ClaimKind, value: string) =>
  kind === 'username' ? streams.username(usernameKey(svc.names, value)) : streams.email(emailKey(svc.names, value));

/**
 * The holder of a claim, unless that holder no longer needs it (then
 * `abandonedBy`): its registration crashed half-way, or it was deleted and
 * the release did not happen (a crash between the two appends).
 */
export async function readClaim(
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

export async function claim(svc: Services, kind: ClaimKind, value: string, userId: number, abandonedBy?: number) {
  const now = svc.now();
  await handle(svc.eventStore, claimStream(svc, kind, value), deciders[kind], {
    type: 'Claim',
    data: { userId, value, ...(abandonedBy === undefined ? {} : { abandonedBy }) },
    metadata: { now },
  });
}

/** `stream`: the claim stream's name (the account's state keeps its HMAC, not the value). */
export async function release(svc: Services, kind: ClaimKind, stream: string, userId: number) {
  await handle(svc.eventStore, stream, deciders[kind], {
    type: 'Release',
    data: { userId },
    metadata: { now: svc.now() },
  });
}

export type Identifier = { username: string } | { email: string };

/** Folds one account's stream. */
export async function loadAccount(svc: Services, userId: number) {
  return fold(svc.eventStore, streams.user(userId), userDecider);
}

/** Finds a live account by username or email through its claim stream (the event store, not a read model). */
export async function findAccount(svc: Services, id: Identifier): Promise<ActiveAccount | null> {
  const { state: claimState } =
    'username' in id
      ? await fold(svc.eventStore, claimStream(svc, 'username', id.username), deciders.username)
      : await fold(svc.eventStore, claimStream(svc, 'email', id.email), deciders.email);
  if (claimState.holder === null) return null;
  const { state } = await loadAccount(svc, claimState.holder);
  return state.status === 'active' ? state : null;
}

