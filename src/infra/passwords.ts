// Password hashing: argon2id with parameters from configuration (lowered only
// in tests). Unknown accounts are "verified" against a dummy hash so that a
// sign-in takes as long for them as for real ones.
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import type { Argon2Params } from '../config.js';

export interface Passwords {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same time as verify() and answers false: for accounts that do not exist. */
  verifyNothing(password: string): Promise<false>;
}

/**
 * At most `slots` hashes at once, first come first served. argon2 is memory-
 * hard: more hashes in flight than cores only thrash the caches (each works
 * through `memoryCost` KiB) and hold threads of libuv's pool, which file and
 * DNS work share.
 */
function limiter(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limited<T>(work: () => Promise<T>): Promise<T> {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else running -= 1;
    }
  };
}

export function createPasswords(params: Argon2Params, slots = availableParallelism()): Passwords {
  const options = { type: argon2.argon2id as 2, ...params };
  const limited = limiter(slots);
  let dummy: Promise<string> | null = null;
  return {
    hash: (password) => limited(() => argon2.hash(password, options)),
    async verify(hash, password) {
      try {
        return await limited(() => argon2.verify(hash, password));
      } catch {
        return false; // a malformed stored hash never lets anyone in
      }
    },
    async verifyNothing(password) {
      dummy ??= limited(() => argon2.hash('not a real password', options));
      const stored = await dummy;
      await limited(() => argon2.verify(stored, password)).catch(() => false);
      return false;
    },
  };
}
