// Where the key-value read model keeps what: "values:<userId>:<bucket>", a
// user's values spread over VALUE_BUCKETS hashes by their entry's name, entry
// → value. A replay writes one field per event (the layout before kept one
// string per value and an index of them for the deletion: two writes per
// stored key, and a quarter of a replay's Redis time over 200,000 keys), and
// the account's deletion drops every bucket, which needs no index. Buckets,
// not one hash per user: a hash is one value to the in-process store's
// snapshot (written and decoded whole), and a user with 200,000 keys would
// make that 40 MB; in 64 buckets it is 600 KB each. projections/data.ts
// writes it from the log; src/data/queries.ts reads it.
//
// A value stays sealed, as the log holds it: entry "#<HMAC of the key>" →
// "<event type>:<nonce>:<ciphertext>" (base64 has no ":"), the part the D
// query opens with the owner's data key.
// So the read models (Redis, snapshots) never hold a key name or value in the
// clear, and a replay decrypts nothing. Values from logs written before
// sealing stay as they came: entry "<key>" → the value as JSON. "#" is not
// allowed in a key, so the two never meet.
//
// Read models in Redis built by earlier releases kept each value as a string
// "value:<userId>:<entry>", indexed by a hash "entries:<userId>" (or, before
// that, a sorted set "keys:<userId>"). Until the next replay a query falls
// back to such a string when the user's bucket has no such entry, a deletion
// drops it, and an account's deletion drops them all through their index.
// User ids are digits, so the first ":" after them ends the id.

import type { Sealed } from '../infra/keystore/aead.js';
import { partitionOf } from '../infra/readstore/partitioned.js';

/** How many hashes one user's values are spread over. */
export const VALUE_BUCKETS = 64;

export const DATA = 'data';

/** The index entry of a sealed value: its key's HMAC, as in its stream's name. */
export const sealedEntry = (keyHash: string) => `#${keyHash}`;

export const dataKeys = {
  /** The hash holding a user's value under `entry`: a key (logs written before sealing) or sealedEntry(HMAC). */
  values: (userId: number | string, entry: string) => `values:${userId}:${partitionOf(entry, VALUE_BUCKETS)}`,
  /** Every hash that may hold a user's values. */
  allValues: (userId: number | string) => Array.from({ length: VALUE_BUCKETS }, (_, b) => `values:${userId}:${b}`),
  /** Earlier releases' layout (see above): read as a fallback, only ever dropped. */
  former: {
    value: (userId: number | string, entry: string) => `value:${userId}:${entry}`,
    entries: (userId: number | string) => `entries:${userId}`,
    keys: (userId: number | string) => `keys:${userId}`,
  },
};

/**
 * What a sealed entry holds: the event's type (bound into the seal) and its
 * sealed part. A replay writes one per event: join() makes one flat string,
 * where `+` or a template would leave a chain of cons strings for the
 * collector (the difference measured ~10% of a replay over 800,000 D events).
 */
export const storedSealed = (type: string, part: Sealed): string => [type, part.n, part.c].join(':');

export function readSealed(stored: string): { type: string; part: Sealed } {
  // Sliced, not split: split() leaves JavaScript for the runtime at every call (a read's hot path).
  const first = stored.indexOf(':');
  const second = stored.indexOf(':', first + 1);
  return { type: stored.slice(0, first), part: { n: stored.slice(first + 1, second), c: stored.slice(second + 1) } };
}
