// D's key-value shapes and codes (API-CONTRACT.md "Key-value data").
import { Type } from '@sinclair/typebox';
import { KEY_MAX, KEY_PATTERN, VALUE_MAX_BYTES } from './events.js';

export const DataKey = Type.String({
  minLength: 1,
  maxLength: KEY_MAX,
  pattern: KEY_PATTERN,
  description: '1 to 256 characters of A-Z a-z 0-9 _ . : - (case-sensitive; the caller\'s own namespace)',
});

/** Any JSON value but null (OpenAPI 3.0 has no "not null", so the other five types). */
export const DataValue = Type.Union(
  [Type.String(), Type.Number(), Type.Boolean(), Type.Object({}, { additionalProperties: true }), Type.Array(Type.Unknown())],
  { description: `Any JSON value but null, at most ${VALUE_MAX_BYTES / 1024} KiB serialised` },
);

export const StoreBody = Type.Object({ key: DataKey, value: DataValue });
export const UpdateBody = Type.Object({ value: DataValue });
export const KeyParams = Type.Object({ key: DataKey });

export const Done = Type.Object({ status: Type.Literal('success'), message: Type.String() });
export const Found = Type.Object({
  status: Type.Literal('success'),
  data: Type.Object({ key: Type.String(), value: Type.Unknown({ description: 'The stored JSON value' }) }),
});

export const messages = {
  INVALID_KEY: 'The provided key is not valid or missing. A key is 1 to 256 characters of A-Z a-z 0-9 _ . : -',
  INVALID_VALUE: `The provided value is not valid or missing. A value is any JSON value but null, at most ${VALUE_MAX_BYTES / 1024} KiB serialised.`,
  KEY_EXISTS: 'The provided key already exists in the database.',
  KEY_NOT_FOUND: 'The provided key does not exist in the database.',
  stored: 'Data stored successfully.',
  updated: 'Data updated successfully.',
  deleted: 'Data deleted successfully.',
};

class NotJson extends Error {}

/**
 * The value as it will be stored, or null when it is not acceptable: too
 * large serialised, or holding numbers JSON cannot represent (1e400 parses as
 * Infinity, which would be stored as null).
 */
export function serialisedValue(value: unknown): string | null {
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
