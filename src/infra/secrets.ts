// Codes, reset tokens and session ids are secrets: the event log and the read
// models keep only a keyed HMAC of them (a plain hash of six digits could be
// reversed offline by trying all million of them).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export interface KeyedHash {
  /** HMAC-SHA256 of value under the server secret, bound to a purpose ("session", "otp", ...). */
  (purpose: string, value: string): string;
}

/**
 * `remember`: purposes asked for again and again on a hot read path (the
 * session behind every token, a D key on every read). Their HMACs are kept
 * (an HMAC is a few µs; a cached read about 40): at most 10,000, all dropped
 * and computed again when full.
 */
export function createKeyedHash(secret: string, remember: readonly string[] = []): KeyedHash {
  const hash: KeyedHash = (purpose, value) => createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
  if (remember.length === 0) return hash;
  const kept = new Map<string, string>();
  return (purpose, value) => {
    if (!remember.includes(purpose)) return hash(purpose, value);
    const key = `${purpose}\0${value}`;
    let h = kept.get(key);
    if (h === undefined) {
      if (kept.size >= 10_000) kept.clear();
      h = hash(purpose, value);
      kept.set(key, h);
    }
    return h;
  };
}

/**
 * A configured token (METRICS_TOKEN, ADMIN_TOKEN) checked against the one a
 * request presents: both hashed to digests of equal length and compared in
 * constant time, so neither the token's length nor its content shows in timing.
 */
export function tokenCheck(token: string): (presented: string) => boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(token);
  return (presented) => timingSafeEqual(expected, digest(presented));
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
