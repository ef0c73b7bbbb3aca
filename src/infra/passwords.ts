// Password hashing: argon2id with parameters from configuration (lowered only
// in tests). Unknown accounts are "verified" against a dummy hash so that a
// sign-in takes as long for them as for real ones.
import argon2 from 'argon2';
import type { Argon2Params } from '../config.js';

export interface Passwords {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same time as verify() and answers false: for accounts that do not exist. */
  verifyNothing(password: string): Promise<false>;
}

export function createPasswords(params: Argon2Params): Passwords {
  const options = { type: argon2.argon2id as 2, ...params };
  let dummy: Promise<string> | null = null;
  return {
    hash: (password) => argon2.hash(password, options),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false; // a malformed stored hash never lets anyone in
      }
    },
    async verifyNothing(password) {
      dummy ??= argon2.hash('not a real password', options);
      await argon2.verify(await dummy, password).catch(() => false);
      return false;
    },
  };
}
