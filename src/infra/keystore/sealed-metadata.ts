// One metadata value sealed under an account's data key, beside the sealed
// store (sealed-store.ts seals data fields; this seals what the request
// context adds to metadata: the client's address and user agent). The same
// cipher and rules: AES-256-GCM, a fresh nonce, the stream, event type and
// field bound as associated data; once the account's key is destroyed the
// value cannot be opened, so it is forgotten with the account.
import type { DataKeys } from './data-keys.js';
import { openText, sealText, type Sealed } from './aead.js';

export interface SealedValue extends Sealed {
  v: 1;
  /** Whose key sealed it (an account id; not personal). */
  o: string;
}

const aad = (stream: string, type: string, field: string) => Buffer.from(`${stream}\0${type}\0metadata.${field}`);

export const isSealedValue = (v: unknown): v is SealedValue =>
  typeof v === 'object' && v !== null && (v as SealedValue).v === 1 && typeof (v as SealedValue).c === 'string' && typeof (v as SealedValue).o === 'string';

export async function sealValue(keys: DataKeys, owner: string, value: unknown, where: { stream: string; type: string; field: string }): Promise<SealedValue> {
  const key = await keys.forWriting(owner);
  return { v: 1, o: owner, ...sealText(key, JSON.stringify(value), aad(where.stream, where.type, where.field)) };
}

/** The value, or undefined once its owner's key is destroyed (erased). */
export async function openValue(keys: DataKeys, part: SealedValue, where: { stream: string; type: string; field: string }): Promise<unknown> {
  const key = keys.cached(part.o) ?? (await keys.forReading(part.o));
  if (!key) return undefined;
  return JSON.parse(openText(key, part, aad(where.stream, where.type, where.field))) as unknown;
}
