// Codes, reset tokens and session ids are secrets: the event log and the read
// models keep only a keyed HMAC of them (a plain hash of six digits could be
// reversed offline by trying all million of them).
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export interface KeyedHash {
  /** HMAC-SHA256 of value under the server secret, bound to a purpose ("session", "otp", ...). */
  (purpose: string, value: string): string;
}

export function createKeyedHash(secret: string): KeyedHash {
  return (purpose, value) => createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
}

/** Constant-time comparison of two HMACs in their text form. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** An opaque random token (session ids, reset links): 24 bytes, URL-safe, 32 characters. */
export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A 6-digit one-time code from a CSPRNG, never starting with 0 (A's otp is a JSON number). */
export function randomCode(): string {
  return String(randomInt(100_000, 1_000_000));
}
