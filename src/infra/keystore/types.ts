// Where accounts' data keys live. A backend keeps only wrapped keys (see
// data-keys.ts) and must be able to forget one for good: that is what erases
// an account's personal data from an append-only log (crypto-shredding).

/** What a backend holds for one owner. */
export type StoredKey = { state: 'absent' } | { state: 'live'; wrapped: Buffer } | { state: 'destroyed' };

export interface KeyBackend {
  /** 'sqlite' or 'eventstoredb', for logs. */
  readonly kind: string;
  read(owner: string): Promise<StoredKey>;
  /**
   * Keeps `wrapped` as the owner's key unless one exists already; answers what
   * is stored afterwards (the first of two racing writers wins, a destroyed
   * owner stays destroyed).
   */
  create(owner: string, wrapped: Buffer): Promise<StoredKey>;
  /** Forgets the owner's key so that no file or stream of the backend still holds it. Idempotent. */
  destroy(owner: string): Promise<void>;
  close(): Promise<void>;
}

/** The owner's key was destroyed: nothing can be written for it any more. */
export class KeyDestroyedError extends Error {
  constructor(readonly owner: string) {
    super(`the data key of ${owner} was destroyed`);
    this.name = 'KeyDestroyedError';
  }
}
