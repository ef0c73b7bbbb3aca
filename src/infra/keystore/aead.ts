// The one cipher personal data travels under: AES-256-GCM with a fresh 96-bit
// nonce per encryption and associated data binding the text to where it was
// written (a part moved elsewhere does not open). Text in, base64 out, as the
// log stores it (JSON). The sealed store (event fields) and the sealed
// metadata (the client) both call these.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const NONCE = 12;
const TAG = 16;

/** A sealed text: `n` the nonce, `c` ciphertext and tag, both base64. */
export interface Sealed {
  n: string;
  c: string;
}

export function sealText(key: Buffer, plain: string, aad: Buffer): Sealed {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const c = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { n: nonce.toString('base64'), c: c.toString('base64') };
}

/** The text; throws when the tag does not check (a forged, corrupted or moved part). */
export function openText(key: Buffer, sealed: Sealed, aad: Buffer): string {
  const c = Buffer.from(sealed.c, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.n, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(c.subarray(c.length - TAG));
  // Decoded straight to a string; final() checks the tag.
  return decipher.update(c.subarray(0, c.length - TAG), undefined, 'utf8') + decipher.final('utf8');
}
