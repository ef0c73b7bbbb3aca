// The key-value read model: one string per (user, key) holding the value as
// JSON. User ids are digits, so "value:<userId>:<key>" is unambiguous even
// though keys may contain ":". "keys:<userId>" indexes a user's keys, so that
// the account's deletion drops them all (its D data is erased with it).
import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';
import type { DataEvent } from '../src/data/events.js';
import type { UserEvent } from '../src/users/events.js';
import { ERASED } from '../src/infra/keystore/sealed-store.js';
import type { Projection } from './types.js';
import { DATA, dataKeys } from '../src/data/read-model.js';

export const dataProjection: Projection = {
  name: DATA,
  handles: new Set<string>(['DataStored', 'DataUpdated', 'DataDeleted', 'AccountDeleted']),
  apply(recorded: RecordedEvent): WriteOp[] {
    const event = { type: recorded.type, data: recorded.data } as DataEvent | UserEvent;
    switch (event.type) {
      case 'DataStored':
      case 'DataUpdated': {
        // Erased (its account's key is destroyed): the account's deletion comes later in the log and drops the rest.
        if (event.data.key === ERASED) return [];
        const { userId, key } = event.data;
        const value: WriteOp = { op: 'set', key: dataKeys.value(userId, key), value: JSON.stringify(event.data.value) };
        // An update is decided only for a stored key, which its DataStored indexed already: one write, not two
        // (updates are most of a D log, and the index write doubled a replay's work on them).
        return event.type === 'DataUpdated' ? [value] : [value, { op: 'zadd', key: dataKeys.keys(userId), score: 0, member: key }];
      }
      case 'DataDeleted': {
        if (event.data.key === ERASED) return [];
        const { userId, key } = event.data;
        return [
          { op: 'del', key: dataKeys.value(userId, key) },
          { op: 'zrem', key: dataKeys.keys(userId), member: key },
        ];
      }
      case 'AccountDeleted':
        return [{ op: 'delmembers', key: dataKeys.keys(event.data.userId), prefix: dataKeys.value(event.data.userId, '') }];
      default:
        return [];
    }
  },
};
