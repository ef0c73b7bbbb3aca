// Deleting an account: the password proves the caller; then sessions end,
// codes are void, the names are released and the account's data key is
// destroyed (its personal data reads as erased everywhere).
import { handle } from '../infra/commands.js';
import { DomainError } from '../infra/errors.js';
import type { Services } from '../infra/services.js';
import { claimStream, findAccount, release, type Identifier } from './accounts.js';
import { userDecider } from './decider.js';
import { streams, type Family } from './events.js';

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
  if (!account) {
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
