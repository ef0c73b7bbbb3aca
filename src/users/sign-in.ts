// Sessions: whether one is live (every signed-in request asks), and ending one
// by its id (B's logout). Password resets and account deletion end every
// session of the account in their own commands.
import { handle } from '../infra/commands.js';
import type { Services } from '../infra/services.js';
import { sessionEntry } from './read-model.js';
import { sessionKey } from './accounts.js';
import { userDecider } from './decider.js';
import { streams, type Family } from './events.js';

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
  const ended = await handle(svc.eventStore, streams.user(owner), userDecider, {
    type: 'EndSession',
    data: { sessionKey: key, via },
    metadata: { now: svc.now() },
  });
  await svc.settle(ended.position);
  return ended.events.length > 0;
}

/**
 * The check behind every access token: its session is in the users read model,
 * belongs to the token's account, and has not expired. The session's read-model
 * key is an HMAC of its id: computed once per session, not per request.
 */
export function sessionLiveness(svc: Services): (principal: { userId: number; sessionId: string }) => Promise<boolean> {
  const sessionKeys = new Map<string, string>();
  const sessionKeyOf = (sessionId: string) => {
    let key = sessionKeys.get(sessionId);
    if (key === undefined) {
      if (sessionKeys.size >= 10_000) sessionKeys.clear();
      key = sessionKey(svc, sessionId);
      sessionKeys.set(sessionId, key);
    }
    return key;
  };
  return async ({ userId, sessionId }) => {
    const session = await sessionEntry(svc.readStore, sessionKeyOf(sessionId));
    if (!session || session.userId !== String(userId)) return false;
    return Date.parse(session.expiresAt) > svc.now().getTime();
  };
}
