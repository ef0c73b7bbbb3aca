// D's key-value shapes and codes (API-CONTRACT.md "Key-value data").
import { Type } from '@sinclair/typebox';
import { KEY_MAX, KEY_PATTERN, VALUE_MAX_BYTES, VALUE_MAX_DEPTH } from './events.js';

export const DataKey = Type.String({
  minLength: 1,
  maxLength: KEY_MAX,
  pattern: KEY_PATTERN,
  description: '1 to 256 characters of A-Z a-z 0-9 _ . : - (case-sensitive; the caller\'s own namespace)',
});

/** Any JSON value but null (OpenAPI 3.0 has no "not null", so the other five types). */
export const DataValue = Type.Union(
  [Type.String(), Type.Number(), Type.Boolean(), Type.Object({}, { additionalProperties: true }), Type.Array(Type.Unknown())],
  { title: 'DataValue', description: `Any JSON value but null, at most ${VALUE_MAX_BYTES / 1024} KiB serialised and ${VALUE_MAX_DEPTH} levels deep` },
);

export const StoreBody = Type.Object({ key: DataKey, value: DataValue }, { title: 'DataItemInput' });
export const UpdateBody = Type.Object({ value: DataValue }, { title: 'DataValueInput' });
export const KeyParams = Type.Object({ key: DataKey });

export const Done = Type.Object({ status: Type.Literal('success'), message: Type.String() }, { title: 'DataDone' });
export const Found = Type.Object({
  status: Type.Literal('success'),
  data: Type.Object({ key: Type.String(), value: Type.Unknown({ description: 'The stored JSON value' }) }, { title: 'DataItem' }),
}, { title: 'DataItemResponse' });

export const messages = {
  INVALID_KEY: 'The provided key is not valid or missing. A key is 1 to 256 characters of A-Z a-z 0-9 _ . : -',
  INVALID_VALUE: `The provided value is not valid or missing. A value is any JSON value but null, at most ${VALUE_MAX_BYTES / 1024} KiB serialised and ${VALUE_MAX_DEPTH} levels deep.`,
  KEY_EXISTS: 'The provided key already exists in the database.',
  KEY_NOT_FOUND: 'The provided key does not exist in the database.',
  stored: 'Data stored successfully.',
  updated: 'Data updated successfully.',
  deleted: 'Data deleted successfully.',
};

class NotJson extends Error {}

/** Whether arrays and objects nest deeper than `limit` in a parsed JSON value (looked at without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * The value as it will be stored, or null when it is not acceptable: nested
 * too deep, too large serialised, or holding numbers JSON cannot represent
 * (1e400 parses as Infinity, which would be stored as null).
 */
export function serialisedValue(value: unknown): string | null {
  if (nestsDeeperThan(value, VALUE_MAX_DEPTH)) return null;
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new NotJson();
      return v;
    });
  } catch (error) {
    if (error instanceof NotJson) return null;
    throw error;
  }
  return Buffer.byteLength(text, 'utf8') <= VALUE_MAX_BYTES ? text : null;
}
