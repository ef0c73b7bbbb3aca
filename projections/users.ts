// The users read model: accounts by id (id, verified, via, createdAt: nothing
// personal; names, email and profile live sealed in the log, read from the
// account's stream), ids by the HMACs of the normalised username and email
// (the claim streams' names: no personal data in key names),
// live sessions by the HMAC of their id (the per-request session check: one
// lookup), and outstanding password-reset codes by their HMAC (C's
// `/auth/forgot/otp` may present a code without saying whose it is).
import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';
import { normaliseEmail, normaliseUsername, type UserEvent } from '../src/users/events.js';
import type { Projection } from './types.js';
import { USERS, userKeys } from '../src/users/read-model.js';
import { ERASED } from '../src/infra/keystore/sealed-store.js';


type Names = { usernameKey?: string; emailKey?: string | null; username?: string; email?: string | null };

/** The index keys of an account; logs from before erasure name them by the value itself (legacy keys). */
function usernameIndex(d: Names): string | null {
  if (d.usernameKey) return userKeys.username(d.usernameKey);
  return d.username && d.username !== ERASED ? `username:${normaliseUsername(d.username)}` : null;
}
function emailIndex(d: Names): string | null {
  if (d.usernameKey) return d.emailKey ? userKeys.email(d.emailKey) : null;
  return d.email && d.email !== ERASED ? `email:${normaliseEmail(d.email)}` : null;
}

const HANDLED: UserEvent['type'][] = [
  'UserRegistered',
  'EmailVerified',
  'SessionStarted',
  'SessionsEnded',
  'OneTimeCodeIssued',
  'OneTimeCodeUsed',
  'OneTimeCodeVoided',
  'AccountDeleted',
];

export const usersProjection: Projection = {
  name: USERS,
  handles: new Set<string>(HANDLED),
  // Nothing sealed in it is kept here: a replay need not open it.
  keepsSealed: new Set<string>(['UserRegistered']),
  apply(recorded: RecordedEvent): WriteOp[] {
    const event = { type: recorded.type, data: recorded.data } as UserEvent;
    switch (event.type) {
      case 'UserRegistered': {
        const d = event.data;
        const ops: WriteOp[] = [
          {
            op: 'hset',
            key: userKeys.user(d.userId),
            fields: { id: String(d.userId), verified: '0', via: d.via, createdAt: d.at },
          },
        ];
        const username = usernameIndex(d);
        if (username) ops.push({ op: 'set', key: username, value: String(d.userId) });
        const email = emailIndex(d);
        if (email) ops.push({ op: 'set', key: email, value: String(d.userId) });
        return ops;
      }
      case 'EmailVerified':
        return [{ op: 'hset', key: userKeys.user(event.data.userId), fields: { verified: '1' } }];
      case 'SessionStarted':
        return [
          {
            op: 'hset',
            key: userKeys.session(event.data.sessionKey),
            fields: { userId: String(event.data.userId), expiresAt: event.data.expiresAt },
          },
        ];
      case 'SessionsEnded':
        return event.data.sessionKeys.map((k) => ({ op: 'del', key: userKeys.session(k) }));
      case 'OneTimeCodeIssued':
        if (event.data.purpose !== 'password-reset') return [];
        return [
          {
            op: 'hset',
            key: userKeys.resetCode(event.data.codeKey),
            fields: { [String(event.data.userId)]: event.data.expiresAt },
          },
        ];
      case 'OneTimeCodeUsed':
      case 'OneTimeCodeVoided':
        if (event.data.purpose !== 'password-reset') return [];
        return [{ op: 'hdel', key: userKeys.resetCode(event.data.codeKey), fields: [String(event.data.userId)] }];
      case 'AccountDeleted': {
        // The username and email are free again: the claims are released in the event store, the indexes go here.
        const d = event.data;
        const ops: WriteOp[] = [{ op: 'del', key: userKeys.user(d.userId) }];
        const username = usernameIndex(d);
        if (username) ops.push({ op: 'del', key: username });
        const email = emailIndex(d);
        if (email) ops.push({ op: 'del', key: email });
        return ops;
      }
      default:
        return [];
    }
  },
};
