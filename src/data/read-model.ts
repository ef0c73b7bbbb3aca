// Where the key-value read model keeps what: "value:<userId>:<entry>", and
// "entries:<userId>", a hash indexing a user's entries (entry → "1") so that
// the account's deletion drops them all. (A hash, not a sorted set: nothing
// reads the index in order, and a replay adds one entry per key stored, which
// cost Redis 5.7 µs a ZADD into a large set against ~2 µs an HSET.) Read
// models built before kept the index as a sorted set under "keys:<userId>";
// a deletion drops that one too. User ids are digits, so the first ":" after
// them ends the id even though keys may contain ":". projections/data.ts
// writes these keys from the log; src/data/queries.ts reads them.
//
// A value stays sealed, as the log holds it: entry "#<HMAC of the key>" →
// "<event type>:<nonce>:<ciphertext>" (base64 has no ":"), the part the D
// query opens with the owner's data key.
// So the read models (Redis, snapshots) never hold a key name or value in the
// clear, and a replay decrypts nothing. Values from logs written before
// sealing stay as they came: entry "<key>" → the value as JSON. "#" is not
// allowed in a key, so the two never meet.

import type { Sealed } from '../infra/keystore/aead.js';

export const DATA = 'data';

/** The index entry of a sealed value: its key's HMAC, as in its stream's name. */
export const sealedEntry = (keyHash: string) => `#${keyHash}`;

export const dataKeys = {
  /** `entry`: a key (logs written before sealing) or sealedEntry(HMAC). */
  value: (userId: number | string, entry: string) => `value:${userId}:${entry}`,
  entries: (userId: number | string) => `entries:${userId}`,
  /** The index of read models built before "entries" (a sorted set): only ever dropped. */
  formerKeys: (userId: number | string) => `keys:${userId}`,
};

/**
 * What a sealed entry holds: the event's type (bound into the seal) and its
 * sealed part. A replay writes one per event: join() makes one flat string,
 * where `+` or a template would leave a chain of cons strings for the
 * collector (the difference measured ~10% of a replay over 800,000 D events).
 */
export const storedSealed = (type: string, part: Sealed): string => [type, part.n, part.c].join(':');

export function readSealed(stored: string): { type: string; part: Sealed } {
  const [type, n, c] = stored.split(':') as [string, string, string];
  return { type, part: { n, c } };
}
