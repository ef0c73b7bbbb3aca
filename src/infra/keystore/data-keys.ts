// Accounts' data keys: random 256-bit AES keys, stored wrapped (AES-256-GCM)
// under a key-encryption key derived from DATA_KEY_SECRET, so a copy of the key
// store without that secret reveals nothing. Unwrapped keys are cached in
// process (bounded, least recently used first out). A destroyed key leaves the
// cache at once on this instance; other instances drop theirs when they read
// the account's deletion from the log (`forget`, called by the sealing store
// for every erasure event it passes on), and a cached key is checked against
// the backend again once it is older than `recheckMs` (1 s): so another
// instance stops using a destroyed key within that second even before it
// reads the deletion, and every instance that asks the backend hears
// "destroyed" at once.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { KeyDestroyedError, type KeyBackend } from './types.js';

const CACHED_KEYS = 10_000;
const RECHECK_MS = 1_000;
const NONCE = 12;
const TAG = 16;

/** The key-encryption key: HKDF-SHA256 of the secret, bound to this one use. */
export function keyEncryptionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'chronicle', 'data-key-wrap/v1', 32));
}

interface Cached {
  key: Buffer;
  /** When the backend last said the key lives (ms). */
  checked: number;
}

export class DataKeys {
  private readonly cache = new Map<string, Cached>();
  /** Owners known destroyed on this instance (ids are never reused, so this only grows; one string each). */
  private readonly destroyed = new Set<string>();
  private readonly pending = new Map<string, Promise<Buffer | null>>();
  private readonly destroying = new Map<string, Promise<void>>();
  private readonly failures: unknown[] = [];

  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(
    readonly backend: KeyBackend,
    private readonly kek: Buffer,
    options: { recheckMs?: number; now?: () => number } = {},
  ) {
    this.recheckMs = options.recheckMs ?? RECHECK_MS;
    this.now = options.now ?? Date.now;
  }

  /** The owner's key when this instance holds it fresh, without waiting (the replay's hot path). */
  cached(owner: string): Buffer | undefined {
    const hit = this.cache.get(owner);
    return hit && this.now() - hit.checked <= this.recheckMs && !this.destroyed.has(owner) ? hit.key : undefined;
  }

  /** The owner's key, or null when it has none or it was destroyed. */
  async forReading(owner: string): Promise<Buffer | null> {
    if (this.destroyed.has(owner)) return null;
    const hit = this.cache.get(owner);
    if (hit && this.now() - hit.checked <= this.recheckMs) return this.touch(owner, hit).key;
    let p = this.pending.get(owner);
    if (!p) {
      p = this.load(owner).finally(() => this.pending.delete(owner));
      this.pending.set(owner, p);
    }
    return p;
  }

  /** The owner's key, made on first use. Throws KeyDestroyedError for an erased owner. */
  async forWriting(owner: string): Promise<Buffer> {
    const existing = await this.forReading(owner);
    if (existing) return existing;
    if (this.destroyed.has(owner)) throw new KeyDestroyedError(owner);
    const key = randomBytes(32);
    const stored = await this.backend.create(owner, this.wrap(owner, key));
    if (stored.state === 'destroyed') {
      this.destroyed.add(owner);
      throw new KeyDestroyedError(owner);
    }
    if (stored.state !== 'live') throw new Error(`key backend kept no key for ${owner}`);
    const won = this.unwrap(owner, stored.wrapped);
    if (!this.destroyed.has(owner)) this.remember(owner, { key: won, checked: this.now() });
    return won;
  }

  /** Destroys the owner's key in the backend and here. */
  async destroy(owner: string): Promise<void> {
    this.drop(owner);
    await this.backend.destroy(owner);
  }

  /** Drops the key from this instance; false when it was known destroyed already. */
  private drop(owner: string): boolean {
    if (this.destroyed.has(owner)) return false;
    this.destroyed.add(owner);
    // Not zero-filled: a reader may hold the same Buffer between its lookup and its decryption.
    this.cache.delete(owner);
    return true;
  }

  /**
   * The owner's erasure was read from the log: drop its key here for good, and
   * make sure the backend has destroyed it too (idempotent; this is what
   * finishes an erasure that crashed between recording the deletion and
   * destroying the key, on whichever instance reads the deletion next).
   */
  forget(owner: string): void {
    if (!this.drop(owner)) return;
    const done = (async () => {
      if ((await this.backend.read(owner)).state !== 'destroyed') await this.backend.destroy(owner);
    })()
      .catch((error: unknown) => {
        // Not lost: the next read of the deletion (a restart's catch-up, say) tries again.
        this.destroyed.delete(owner);
        this.failures.push(error);
      })
      .finally(() => this.destroying.delete(owner));
    this.destroying.set(owner, done);
  }

  /** Background destroys that failed since the last call (for logs and tests). */
  takeFailures(): unknown[] {
    return this.failures.splice(0);
  }

  /** Resolves when the background destroys started so far have ended. */
  async drain(): Promise<void> {
    await Promise.all(this.destroying.values());
  }

  async close(): Promise<void> {
    await this.drain();
    this.cache.clear();
    await this.backend.close();
  }

  private async load(owner: string): Promise<Buffer | null> {
    const checked = this.now();
    const stored = await this.backend.read(owner);
    if (stored.state === 'destroyed') this.drop(owner);
    if (stored.state !== 'live' || this.destroyed.has(owner)) return null;
    const cached = this.cache.get(owner);
    if (cached) {
      cached.checked = checked;
      return cached.key;
    }
    const key = this.unwrap(owner, stored.wrapped);
    this.remember(owner, { key, checked });
    return key;
  }

  private touch(owner: string, entry: Cached): Cached {
    this.cache.delete(owner);
    this.cache.set(owner, entry);
    return entry;
  }

  private remember(owner: string, entry: Cached): void {
    this.touch(owner, entry);
    if (this.cache.size > CACHED_KEYS) this.cache.delete(this.cache.keys().next().value!);
  }

  private wrap(owner: string, key: Buffer): Buffer {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.kek, nonce);
    cipher.setAAD(Buffer.from(`data-key:${owner}`));
    return Buffer.concat([nonce, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  }

  private unwrap(owner: string, wrapped: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.kek, wrapped.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(`data-key:${owner}`));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG));
    return Buffer.concat([decipher.update(wrapped.subarray(NONCE, wrapped.length - TAG)), decipher.final()]);
  }
}
