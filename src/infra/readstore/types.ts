// Read models are a small Redis-shaped data model (strings, hashes, sorted
// sets) kept per read model ("users", "products", ...). Two stores implement it
// with the same behaviour: Redis (REDIS_URL) and an in-process one. A
// projection maps an event to WriteOps; the runner applies them together with
// the model's new checkpoint in one atomic step (apply).

export type WriteOp =
  | { op: 'set'; key: string; value: string }
  | { op: 'del'; key: string }
  | { op: 'hset'; key: string; fields: Record<string, string> }
  /**
   * One field of a hash: what D's projection writes per value. hset's fields
   * object with a computed name (`{ [entry]: value }`) gives V8 a new hidden
   * class per distinct name, a tenth of a replay over 200,000 keys.
   */
  | { op: 'hsetfield'; key: string; field: string; value: string }
  | { op: 'hdel'; key: string; fields: string[] }
  | { op: 'hincrby'; key: string; field: string; by: number }
  | { op: 'zadd'; key: string; score: number; member: string }
  | { op: 'zrem'; key: string; member: string }
  /**
   * Deletes `prefix + member` for every member of the index at `key` (a hash's
   * fields or a sorted set's members), then the index: a read model's index of
   * one owner's keys, dropped with the owner (an erased account's D data).
   */
  | { op: 'delmembers'; key: string; prefix: string };

export type ApplyOutcome =
  | { status: 'applied' }
  /** The stored checkpoint is already at or past the new one: these events were applied before. */
  | { status: 'skipped'; checkpoint: string }
  /** The stored checkpoint moved since the runner read it (another instance applied events). */
  | { status: 'conflict'; checkpoint: string }
  /** A replay switched the model to another generation: reload it. */
  | { status: 'moved'; generation: number };

export interface ApplyRequest {
  model: string;
  generation: number;
  /** The checkpoint the runner believes is stored ('' when none). */
  expected: string;
  /** The checkpoint after these writes (encoded position of the last event). */
  next: string;
  ops: WriteOp[];
  /** Live runners write only to the current generation; a replay writes to a new one. */
  requireCurrent: boolean;
}

export interface ZPage {
  total: number;
  members: string[];
  hashes: (Record<string, string> | null)[];
}

export interface ReadModelStore {
  readonly kind: 'redis' | 'memory';
  /** The generation queries read (1 when the model was never rebuilt). */
  currentGeneration(model: string): Promise<number>;
  /** A fresh, empty generation for a rebuild. */
  newGeneration(model: string): Promise<number>;
  /** Make `to` current if `from` still is (false when someone else switched first). */
  switchGeneration(model: string, from: number, to: number): Promise<boolean>;
  /** Remove every key of one generation. */
  dropGeneration(model: string, generation: number): Promise<void>;
  checkpoint(model: string, generation: number): Promise<string>;
  apply(request: ApplyRequest): Promise<ApplyOutcome>;

  // Queries, always on the current generation.
  get(model: string, key: string): Promise<string | null>;
  /** One field of a hash (null when the hash or the field is missing). */
  hget(model: string, key: string, field: string): Promise<string | null>;
  hgetall(model: string, key: string): Promise<Record<string, string> | null>;
  hgetallMany(model: string, keys: string[]): Promise<(Record<string, string> | null)[]>;
  /** Members by rank, ascending score (stop inclusive, like ZRANGE). */
  zrange(model: string, key: string, start: number, stop: number, order?: 'asc' | 'desc'): Promise<string[]>;
  zcard(model: string, key: string): Promise<number>;
  /**
   * A page of a sorted set by rank with the hash of each member (at key
   * `hashPrefix + member`, null when missing) and the set's size, all read at
   * one instant and in one round trip.
   */
  zpage(model: string, key: string, start: number, stop: number, hashPrefix: string): Promise<ZPage>;
  /** Every key of the current generation with its value, for tests and replay checks. */
  dump(model: string): Promise<Record<string, unknown>>;

  ping(): Promise<void>;
  /**
   * Resolves once this process's read cache reflects every read-model write
   * Redis had made when it was called (a no-op without a cache).
   */
  synced?(): Promise<void>;
  close(): Promise<void>;
}

/** The read store cannot be reached: 503 to clients, retry in the runner. */
export class ReadStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReadStoreUnavailableError';
  }
}
