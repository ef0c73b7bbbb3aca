// The one small interface every event store adapter implements. The embedded
// store (SQLite) and the EventStoreDB adapter both pass the same contract suite
// (test/infra/eventstore-contract.ts).

/** A position in the whole log. Totally ordered: compare commit, then prepare. */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

/**
 * What the writer believes about the stream before its append:
 * any state, no stream yet, some stream, or exactly this revision
 * (the revision of the stream's last event, 0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface NewEvent {
  /** UUID; re-appending the same ids at the same place is idempotent. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent<T = Record<string, unknown>> {
  id: string;
  stream: string;
  /** 0-based index of the event within its stream. */
  revision: bigint;
  position: Position;
  type: string;
  data: T;
  metadata: Record<string, unknown>;
  created: Date;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: bigint;
  /** Position of the last event written. */
  position: Position;
}

/** A live subscription: batches of events in log order; close() ends the iteration. */
export interface Subscription extends AsyncIterable<RecordedEvent[]> {
  close(): Promise<void>;
}

/** How a reader of the whole log wants it. */
export interface LogReadOptions {
  /**
   * The event types whose sealed personal part (see keystore/sealed-store.ts)
   * the reader needs opened; every other event comes as stored, its part still
   * sealed (a projection that keeps or ignores it, a reader of types only).
   * Everything is opened when omitted. Stores that seal nothing ignore it.
   */
  openOnly?: ReadonlySet<string>;
}

export interface EventStore {
  /** 'embedded' or 'eventstoredb', for logs and /ready. */
  readonly kind: string;
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * The stream forwards, from `fromRevision` (its first event when omitted).
   * A stream that does not exist, or has no event that far, reads as [].
   */
  readStream(stream: string, options?: { fromRevision?: bigint }): Promise<RecordedEvent[]>;
  /** The log forwards, strictly after `after` (from the start when omitted), at most maxCount events. */
  readAll(options?: { after?: Position; maxCount?: number } & LogReadOptions): AsyncIterable<RecordedEvent>;
  /**
   * The same events as readAll, a page at a time (no page is empty): a reader
   * of the whole log (a replay) pays each layer's step once per page, not once
   * per event. readAll is eventsOf(readAllPages(options)).
   */
  readAllPages(options?: { after?: Position; maxCount?: number } & LogReadOptions): AsyncIterable<RecordedEvent[]>;
  /** Events strictly after `after` (from the start when omitted): catch-up, then live. */
  subscribe(options?: { after?: Position } & LogReadOptions): Subscription;
  /** Position of the newest event of ours in the log, or null when the log is empty. */
  headPosition(): Promise<Position | null>;
  /** Resolves when the store answers; rejects with EventStoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The events of a paged read one by one (readAll from readAllPages). */
export async function* eventsOf(pages: AsyncIterable<RecordedEvent[]>): AsyncGenerator<RecordedEvent> {
  for await (const page of pages) yield* page;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream'. Unknown when undefined. */
    readonly actual: bigint | 'no_stream' | undefined,
  ) {
    super(`wrong expected revision on stream ${stream}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The store cannot be reached or cannot write (disk full, read-only, server down): 503 to clients. */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n }) as Position;

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

const WIDTH = 20; // uint64 fits in 20 decimal digits

/**
 * Fixed-width text form of a position, so that string order equals log order
 * (checkpoints compared inside Redis Lua scripts rely on this).
 */
export function encodePosition(p: Position): string {
  return `${p.commit.toString().padStart(WIDTH, '0')}/${p.prepare.toString().padStart(WIDTH, '0')}`;
}

export function decodePosition(s: string): Position {
  const m = /^(\d{1,20})\/(\d{1,20})$/.exec(s);
  if (!m) throw new Error(`not a position: ${s}`);
  return { commit: BigInt(m[1]!), prepare: BigInt(m[2]!) };
}
