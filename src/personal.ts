// Personal data in the log, wired together: which fields are personal (the
// domains say), the data keys (a key store chosen like the event store), and
// the HMACs that stand for personal values in stream names. The app and every
// tool that reads the log open it through here.
import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from './config.js';
import type { EventStore } from './infra/eventstore/types.js';
import { DataKeys, keyEncryptionKey } from './infra/keystore/data-keys.js';
import { sealEventStore, type PersonalFields } from './infra/keystore/sealed-store.js';
import { openSqliteKeyBackend } from './infra/keystore/sqlite.js';
import type { KeyBackend } from './infra/keystore/types.js';
import { createKeyedHash, type KeyedHash } from './infra/secrets.js';
import { DATA_KEY_PURPOSE, DATA_PERSONAL_FIELDS } from './data/events.js';
import { USER_PERSONAL_FIELDS } from './users/events.js';

export const PERSONAL_FIELDS: PersonalFields = {
  sealed: { ...USER_PERSONAL_FIELDS, ...DATA_PERSONAL_FIELDS },
  erasures: { AccountDeleted: 'userId' },
};

/**
 * The keyed HMAC for stream names, from DATA_KEY_SECRET through HKDF with its
 * own label (so it is a secret of its own, and stable for as long as
 * DATA_KEY_SECRET is).
 */
export function namesFor(config: Pick<Config, 'dataKeySecret'>): KeyedHash {
  return createKeyedHash(Buffer.from(hkdfSync('sha256', config.dataKeySecret, 'chronicle', 'stream-names/v1', 32)).toString('hex'), [DATA_KEY_PURPOSE]);
}

/** The key backend the configuration selects: EventStoreDB's when the log is there, else SQLite under DATA_DIR. */
export async function openKeyBackend(config: Config): Promise<KeyBackend> {
  if (!config.eventStoreUrl) return openSqliteKeyBackend(join(config.dataDir, 'keys', 'data-keys.sqlite'));
  const { openEsdbKeyBackend } = await import('./infra/keystore/esdb.js');
  return openEsdbKeyBackend(config.eventStoreUrl);
}

export interface PersonalData {
  /** The log, personal fields sealed on append and opened (or erased) on read. */
  eventStore: EventStore;
  dataKeys: DataKeys;
  names: KeyedHash;
}

export async function openPersonalData(config: Config, raw: EventStore, backend?: KeyBackend): Promise<PersonalData> {
  const dataKeys = new DataKeys(backend ?? (await openKeyBackend(config)), keyEncryptionKey(config.dataKeySecret));
  return { eventStore: sealEventStore(raw, dataKeys, PERSONAL_FIELDS), dataKeys, names: namesFor(config) };
}
