// Where the users read model keeps what: accounts by id (id, verified, via,
// createdAt: nothing personal), ids by the HMACs of
// the normalised username and email, live sessions by the HMAC of their id,
// and outstanding password-reset codes by their HMAC. projections/users.ts
// writes these keys from the log; the users workflows read them here.
import type { ReadModelStore } from '../infra/readstore/types.js';

export const USERS = 'users';

export const userKeys = {
  user: (id: number | string) => `user:${id}`,
  /** `key`: usernameKey(svc.names, username), as UserRegistered records it. */
  username: (key: string) => `username:${key}`,
  /** `key`: emailKey(svc.names, email). */
  email: (key: string) => `email:${key}`,
  session: (sessionKey: string) => `session:${sessionKey}`,
  /** Hash: user id → expiry (ISO) of each outstanding password-reset code with this HMAC. */
  resetCode: (codeKey: string) => `reset-code:${codeKey}`,
};

/** A live session's entry: whose it is and until when (ISO), or null when it is not in the read model. */
export function sessionEntry(store: ReadModelStore, sessionKey: string): Promise<{ userId: string; expiresAt: string } | null> {
  return sessionEntryAt(store, userKeys.session(sessionKey));
}

/** sessionEntry, by the entry's name in the model (`userKeys.session(sessionKey)`), for a caller that keeps it. */
export async function sessionEntryAt(store: ReadModelStore, name: string): Promise<{ userId: string; expiresAt: string } | null> {
  const session = await store.hgetall(USERS, name);
  if (!session?.userId) return null;
  return { userId: session.userId, expiresAt: session.expiresAt ?? '' };
}
