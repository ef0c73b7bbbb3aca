// Ending sessions by their id (B's logout). Password resets and account
// deletion end every session of the account in their own commands.
import { handle } from '../infra/commands.js';
import type { Services } from '../infra/services.js';
import { USERS, userKeys } from '../../projections/users.js';
import { sessionKey } from './commands.js';
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
    const session = await svc.readStore.hgetall(USERS, userKeys.session(key));
    if (!session?.userId) return false;
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
