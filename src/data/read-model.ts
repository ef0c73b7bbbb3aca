// Where the key-value read model keeps what: one string per (user, key) with
// the value as JSON ("value:<userId>:<key>": user ids are digits, so keys may
// contain ":"), and "keys:<userId>" indexing a user's keys. projections/data.ts
// writes these keys from the log; the D routes read them.

export const DATA = 'data';

export const dataKeys = {
  value: (userId: number | string, key: string) => `value:${userId}:${key}`,
  keys: (userId: number | string) => `keys:${userId}`,
};
