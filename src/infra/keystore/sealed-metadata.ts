// One metadata value sealed under an account's data key, beside the sealed
// store (sealed-store.ts seals data fields; this seals what the request
// context adds to metadata: the client's address and user agent). The same
// cipher and rules: AES-256-GCM, a fresh nonce, the stream, event type and
// field bound as associated data; once the account's key is destroyed the
// value cannot be opened, so it is forgotten with the account.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeys } from './data-keys.js';

export interface SealedValue {
  v: 1;
  /** Whose key sealed it (an account id; not personal). */
  o: string;
  n: string;
  c: string;
}

const NONCE = 12;
const TAG = 16;
const aad = (stream: string, type: string, field: string) => Buffer.from(`${stream}\0${type}\0metadata.${field}`);

export const isSealedValue = (v: unknown): v is SealedValue =>
  typeof v === 'object' && v !== null && (v as SealedValue).v === 1 && typeof (v as SealedValue).c === 'string' && typeof (v as SealedValue).o === 'string';

export async function sealValue(keys: DataKeys, owner: string, value: unknown, where: { stream: string; type: string; field: string }): Promise<SealedValue> {
  const key = await keys.forWriting(owner);
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad(where.stream, where.type, where.field));
  const c = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { v: 1, o: owner, n: nonce.toString('base64'), c: c.toString('base64') };
}

/** The value, or undefined once its owner's key is destroyed (erased). */
export async function openValue(keys: DataKeys, part: SealedValue, where: { stream: string; type: string; field: string }): Promise<unknown> {
  const key = keys.cached(part.o) ?? (await keys.forReading(part.o));
  if (!key) return undefined;
  const c = Buffer.from(part.c, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(part.n, 'base64'));
  decipher.setAAD(aad(where.stream, where.type, where.field));
  decipher.setAuthTag(c.subarray(c.length - TAG));
  return JSON.parse(Buffer.concat([decipher.update(c.subarray(0, c.length - TAG)), decipher.final()]).toString('utf8')) as unknown;
}
