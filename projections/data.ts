// The key-value read model (layout: src/data/read-model.ts). Values arrive
// still sealed (keepsSealed) and stay so: the entry holds the sealed part and
// is named by the key's HMAC from the stream's name, so nothing here is
// decrypted and nothing personal lands in the read model in the clear. Events
// from logs written before sealing arrive in the clear and are kept as before.
import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';
import { keyHashOf, type DataEvent } from '../src/data/events.js';
import type { UserEvent } from '../src/users/events.js';
import { ERASED, sealedPartOf } from '../src/infra/keystore/sealed-store.js';
import type { Sealed } from '../src/infra/keystore/aead.js';
import type { Projection } from './types.js';
import { DATA, dataKeys, sealedEntry, storedSealed } from '../src/data/read-model.js';

/** The entry an event of a key's stream names: its HMAC when sealed (`part`), else its key (or null: erased). */
function entryOf(recorded: RecordedEvent, userId: number, part: Sealed | null): string | null {
  if (part) return sealedEntry(keyHashOf(recorded.stream, userId));
  const key = recorded.data.key as string;
  return key === ERASED ? null : key;
}

export const dataProjection: Projection = {
  name: DATA,
  handles: new Set<string>(['DataStored', 'DataUpdated', 'DataDeleted', 'AccountDeleted']),
  keepsSealed: new Set<string>(['DataStored', 'DataUpdated', 'DataDeleted']),
  apply(recorded: RecordedEvent): WriteOp[] {
    const event = { type: recorded.type, data: recorded.data } as DataEvent | UserEvent;
    switch (event.type) {
      case 'DataStored':
      case 'DataUpdated': {
        const { userId } = event.data;
        const part = sealedPartOf(recorded.data);
        // Erased (an unsealed event its account's deletion blanked): the deletion comes later in the log and drops the rest.
        const entry = entryOf(recorded, userId, part);
        if (entry === null) return [];
        const stored = part ? storedSealed(recorded.type, part) : JSON.stringify(event.data.value);
        return [{ op: 'hsetfield', key: dataKeys.values(userId, entry), field: entry, value: stored }];
      }
      case 'DataDeleted': {
        const { userId } = event.data;
        const entry = entryOf(recorded, userId, sealedPartOf(recorded.data));
        if (entry === null) return [];
        // The former layout's string too, or a query's fallback would find it again.
        return [
          { op: 'hdel', key: dataKeys.values(userId, entry), fields: [entry] },
          { op: 'del', key: dataKeys.former.value(userId, entry) },
        ];
      }
      case 'AccountDeleted': {
        const { userId } = event.data;
        const prefix = dataKeys.former.value(userId, '');
        return [
          ...dataKeys.allValues(userId).map((key): WriteOp => ({ op: 'del', key })),
          { op: 'delmembers', key: dataKeys.former.entries(userId), prefix },
          { op: 'delmembers', key: dataKeys.former.keys(userId), prefix },
        ];
      }
      default:
        return [];
    }
  },
};
