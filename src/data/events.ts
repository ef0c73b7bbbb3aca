import type { KeyedHash } from '../infra/secrets.js';

// What happens to a user's key-value data, as recorded in the log. One stream
// per (user, key), so a value's whole history is in the audit log, and the
// KeyExists / KeyNotFound decisions are race-free through the stream's
// expected revision. A key deleted and stored again continues its stream.

/** Events of one key's stream, `data-<userId>-<HMAC of the key>`. `key` and `value` are sealed (personal data). */
export type DataEvent =
  | { type: 'DataStored'; data: { userId: number; key: string; value: unknown; at: string } }
  | { type: 'DataUpdated'; data: { userId: number; key: string; value: unknown; at: string } }
  | { type: 'DataDeleted'; data: { userId: number; key: string; at: string } };

/** The HMAC purpose of D key names (read on every GET: svc.names remembers these). */
export const DATA_KEY_PURPOSE = 'data-key';
/**
 * A key's name is the user's data, so the stream is named by a keyed HMAC of
 * it (`names`: svc.names), bound to the user.
 */
export const dataKeyHash = (names: KeyedHash, userId: number, key: string) => names(DATA_KEY_PURPOSE, `${userId}:${key}`);
export const dataStreamOf = (userId: number | string, keyHash: string) => `data-${userId}-${keyHash}`;
export const dataStream = (names: KeyedHash, userId: number, key: string) => dataStreamOf(userId, dataKeyHash(names, userId, key));
/** The key's HMAC in its stream's name (the read model's key for it). */
export const keyHashOf = (stream: string, userId: number | string) => stream.slice(`data-${userId}-`.length);

/** The personal fields of each event type, and whose they are (sealed by src/personal.ts). */
export const DATA_PERSONAL_FIELDS = {
  DataStored: { owner: 'userId', fields: ['key', 'value'] },
  DataUpdated: { owner: 'userId', fields: ['key', 'value'] },
  DataDeleted: { owner: 'userId', fields: ['key'] },
} as const;

export const KEY_PATTERN = '^[A-Za-z0-9_.:-]{1,256}$';
export const KEY_MAX = 256;
/** A value's size limit, serialised as JSON (UTF-8 bytes). */
export const VALUE_MAX_BYTES = 64 * 1024;
/**
 * How deep arrays and objects may nest in a value. JSON.stringify recurses,
 * and every step from the route to the log and the read models serialises the
 * value: a few thousand levels (which fit in 64 KiB) would overflow the stack.
 */
export const VALUE_MAX_DEPTH = 128;
