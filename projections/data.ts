// The key-value read model: one string per (user, key) holding the value as
// JSON. User ids are digits, so "value:<userId>:<key>" is unambiguous even
// though keys may contain ":".
import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';
import type { DataEvent } from '../src/data/events.js';
import type { Projection } from './types.js';

export const DATA = 'data';

export const dataKeys = {
  value: (userId: number | string, key: string) => `value:${userId}:${key}`,
};

export const dataProjection: Projection = {
  name: DATA,
  handles: new Set<DataEvent['type']>(['DataStored', 'DataUpdated', 'DataDeleted']),
  apply(recorded: RecordedEvent): WriteOp[] {
    const event = { type: recorded.type, data: recorded.data } as DataEvent;
    switch (event.type) {
      case 'DataStored':
      case 'DataUpdated':
        return [{ op: 'set', key: dataKeys.value(event.data.userId, event.data.key), value: JSON.stringify(event.data.value) }];
      case 'DataDeleted':
        return [{ op: 'del', key: dataKeys.value(event.data.userId, event.data.key) }];
      default:
        return [];
    }
  },
};
