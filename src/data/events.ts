// What happens to a user's key-value data, as recorded in the log. One stream
// per (user, key), so a value's whole history is in the audit log, and the
// KEY_EXISTS / KEY_NOT_FOUND decisions are race-free through the stream's
// expected revision. A key deleted and stored again continues its stream.

/** Events of one key's stream, `data-<userId>-<key>`. */
export type DataEvent =
  | { type: 'DataStored'; data: { userId: number; key: string; value: unknown; at: string } }
  | { type: 'DataUpdated'; data: { userId: number; key: string; value: unknown; at: string } }
  | { type: 'DataDeleted'; data: { userId: number; key: string; at: string } };

// User ids are digits, so "-" after them cannot be confused with a key's own "-".
export const dataStream = (userId: number, key: string) => `data-${userId}-${key}`;

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
