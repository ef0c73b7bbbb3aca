// The users read model: profiles by id, ids by normalised username and email,
// and live sessions by the HMAC of their id (the per-request session check).
import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';
import { normaliseEmail, normaliseUsername, type UserEvent } from '../src/users/events.js';
import type { Projection } from './types.js';

export const USERS = 'users';

export const userKeys = {
  user: (id: number | string) => `user:${id}`,
  username: (username: string) => `username:${normaliseUsername(username)}`,
  email: (email: string) => `email:${normaliseEmail(email)}`,
  session: (sessionKey: string) => `session:${sessionKey}`,
};

export const usersProjection: Projection = {
  name: USERS,
  handles: new Set<UserEvent['type']>(['UserRegistered', 'SessionStarted']),
  apply(recorded: RecordedEvent): WriteOp[] {
    const event = { type: recorded.type, data: recorded.data } as UserEvent;
    switch (event.type) {
      case 'UserRegistered': {
        const d = event.data;
        const ops: WriteOp[] = [
          {
            op: 'hset',
            key: userKeys.user(d.userId),
            fields: {
              id: String(d.userId),
              username: d.username,
              email: d.email ?? '',
              verified: d.verified ? '1' : '0',
              via: d.via,
              createdAt: d.at,
              profile: JSON.stringify(d.profile),
            },
          },
          { op: 'set', key: userKeys.username(d.username), value: String(d.userId) },
        ];
        if (d.email) ops.push({ op: 'set', key: userKeys.email(d.email), value: String(d.userId) });
        return ops;
      }
      case 'SessionStarted':
        return [
          {
            op: 'hset',
            key: userKeys.session(event.data.sessionKey),
            fields: { userId: String(event.data.userId), expiresAt: event.data.expiresAt },
          },
        ];
      default:
        return [];
    }
  },
};
