// Command handling: read a stream, fold it with the decider's evolve, decide,
// append with the revision that was read. Commands on one stream in this
// process take turns (a queue per stream), so they never collide with each
// other; a writer in another process still can, and then the append fails with
// a wrong expected revision and the handler reads again and decides again, a
// bounded number of times with jittered, growing pauses.
import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from './errors.js';
import { requestMetadata } from './request-context.js';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from './eventstore/types.js';

/** An event as the domain sees it: a type and a JSON payload. */
export interface DomainEvent {
  type: string;
  data: Record<string, unknown>;
}

/** Where the stream stands when a command is decided: the revision of its last event (-1n: none yet). */
export interface StreamAt {
  revision: bigint;
}

export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  /**
   * Pure: no I/O, no clock, no randomness. Throws DomainError to refuse.
   * `stream`: the stream's own revision, for a decider whose answer depends on
   * it (an If-Match); handle always passes it.
   */
  decide(command: Command, state: State, stream?: StreamAt): Event[];
}

export interface Folded<State> {
  state: State;
  /** Revision of the stream's last event, or 'no_stream'. */
  revision: ExpectedRevision;
}

export interface Handled<State, Event> {
  state: State;
  /** The events this command appended (empty when the decider decided nothing). */
  events: Event[];
  /** Log position of the last appended event, or null when nothing was appended. */
  position: Position | null;
  /** The stream's revision after this command (-1n: the stream has no events). */
  revision: bigint;
}

/**
 * Folded states of recently used streams, per event store: a command on a
 * stream it has seen reads only the events appended since (a user who signs
 * in often has a long stream; folding it whole on every sign-in would cost
 * more with every one). States are immutable (evolve returns new ones), so a
 * cached one is shared safely; the log stays the truth: whatever another
 * writer or instance appended is read and folded on top, and a gap in the
 * revisions discards the entry.
 */
interface CachedFold {
  decider: object;
  state: unknown;
  revision: bigint;
}
const CACHED_STREAMS = 10_000;
const folds = new WeakMap<EventStore, Map<string, CachedFold>>();

function foldCache(store: EventStore): Map<string, CachedFold> {
  let cache = folds.get(store);
  if (!cache) folds.set(store, (cache = new Map()));
  return cache;
}

function remember(store: EventStore, stream: string, entry: CachedFold): void {
  const cache = foldCache(store);
  cache.delete(stream); // re-inserted last: the Map's order is least recently used first
  cache.set(stream, entry);
  if (cache.size > CACHED_STREAMS) cache.delete(cache.keys().next().value!);
}

export async function fold<State, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): Promise<Folded<State>> {
  const hit = foldCache(store).get(stream);
  if (hit && hit.decider === decider) {
    const from = hit.revision + 1n;
    const newer = await store.readStream(stream, { fromRevision: from });
    if (newer.length === 0 || newer[0]!.revision === from) return evolveFrom(store, stream, decider, hit.state as State, hit.revision, newer);
  }
  return evolveFrom(store, stream, decider, decider.initialState(), 'no_stream', await store.readStream(stream));
}

function evolveFrom<State, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  start: State,
  startRevision: ExpectedRevision,
  events: RecordedEvent[],
): Folded<State> {
  let state = start;
  for (const e of events) state = decider.evolve(state, { type: e.type, data: e.data } as Event);
  const last = events[events.length - 1];
  const revision = last ? last.revision : startRevision;
  if (typeof revision === 'bigint') remember(store, stream, { decider, state, revision });
  return { state, revision };
}

/**
 * The next id from a counter stream: one event per id, appended with expected
 * 'any', the id being its revision + 1. Ids are allocated in order, never
 * reused, and rebuilt with the log.
 */
export async function allocateId(store: EventStore, counter: string, event: DomainEvent): Promise<number> {
  const allocated = await store.append(counter, [{ id: randomUUID(), type: event.type, data: event.data }], 'any');
  return Number(allocated.nextExpectedRevision) + 1;
}

/**
 * Attempts per command when writers in other processes collide with it. Each
 * retry is one read and one append for a whole turn of this process's
 * commands, so 16 cost little; 8 left 19 of 400 updates of one key through two
 * instances at 503 in a loaded CI run (the pauses add up to at most 0.6 s).
 */
const DEFAULT_ATTEMPTS = 16;

/** A jittered pause growing with the attempt (up to 5, 10, 15 … ms): racing processes spread out instead of colliding in lockstep. */
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));

export interface HandleOptions {
  /** Attempts in all, including the first (default DEFAULT_ATTEMPTS); only writers in other processes make a retry necessary. */
  attempts?: number;
  /** Written with every event, e.g. the request id that caused it. */
  metadata?: Record<string, unknown>;
}

interface Waiting {
  decider: Decider<unknown, unknown, DomainEvent>;
  command: unknown;
  options: HandleOptions;
  resolve(handled: Handled<unknown, DomainEvent>): void;
  reject(error: unknown): void;
}

interface StreamQueue {
  waiting: Waiting[];
  draining: boolean;
}

/**
 * One queue per stream and event store. Commands on a stream take turns in
 * arrival order; whatever arrived while one turn ran is decided in the next
 * turn, one after the other on one fold, and appended together with one
 * expected revision (group commit: a hot stream pays one append, one sync, per
 * turn rather than per command). Streams with nothing waiting have no entry.
 */
const queues = new WeakMap<EventStore, Map<string, StreamQueue>>();
/** Commands decided in one turn: bounds one append's size. */
const TURN = 64;

export function handle<State, Command, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  options: HandleOptions = {},
): Promise<Handled<State, Event>> {
  let streams = queues.get(store);
  if (!streams) queues.set(store, (streams = new Map()));
  let queue = streams.get(stream);
  if (!queue) streams.set(stream, (queue = { waiting: [], draining: false }));
  return new Promise<Handled<State, Event>>((resolve, reject) => {
    // The request behind this command, captured now: its turn may run in another request's context.
    const metadata = { ...requestMetadata(), ...options.metadata };
    queue.waiting.push({ decider, command, options: { ...options, metadata }, resolve, reject } as unknown as Waiting);
    if (!queue.draining) {
      queue.draining = true;
      void drain(store, stream, streams, queue);
    }
  });
}

async function drain(store: EventStore, stream: string, streams: Map<string, StreamQueue>, queue: StreamQueue): Promise<void> {
  while (queue.waiting.length > 0) {
    // One turn holds consecutive commands of one decider (a stream has one in practice).
    const head = queue.waiting[0]!;
    let n = 1;
    while (n < queue.waiting.length && n < TURN && queue.waiting[n]!.decider === head.decider) n += 1;
    await turn(store, stream, queue.waiting.splice(0, n));
  }
  queue.draining = false;
  streams.delete(stream);
}

type Outcome = { waiting: Waiting; state: unknown; events: DomainEvent[]; revision: bigint } | { waiting: Waiting; refused: unknown };

/**
 * Decides each command on the state the ones before it left, then appends all
 * their events at once. Nothing is answered before the append: a refusal or a
 * no-op may rest on events of this turn that are not in the log yet. A
 * conflict (another process wrote) decides the turn again, each command within
 * its own bound of attempts.
 */
async function turn(store: EventStore, stream: string, commands: Waiting[]): Promise<void> {
  const decider = commands[0]!.decider;
  let live = commands;
  for (let attempt = 1; live.length > 0; attempt += 1) {
    let folded: Folded<unknown>;
    try {
      folded = await fold(store, stream, decider);
    } catch (error) {
      for (const w of live) w.reject(error);
      return;
    }
    let state = folded.state;
    const base = folded.revision === 'no_stream' ? -1n : (folded.revision as bigint);
    const outcomes: Outcome[] = [];
    const proposed: NewEvent[] = [];
    for (const waiting of live) {
      let events: DomainEvent[];
      try {
        events = decider.decide(waiting.command, state, { revision: base + BigInt(proposed.length) });
      } catch (refused) {
        outcomes.push({ waiting, refused });
        continue;
      }
      state = events.reduce(decider.evolve, state);
      outcomes.push({ waiting, state, events, revision: base + BigInt(proposed.length + events.length) });
      const metadata = waiting.options.metadata ?? {};
      for (const e of events) proposed.push({ id: randomUUID(), type: e.type, data: e.data, metadata });
    }
    let position: Position | null = null;
    try {
      if (proposed.length > 0) position = (await store.append(stream, proposed, folded.revision)).position;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) {
        for (const w of live) w.reject(error);
        return;
      }
      live = [];
      for (const { waiting } of outcomes) {
        if (attempt >= (waiting.options.attempts ?? DEFAULT_ATTEMPTS)) waiting.reject(new ConcurrencyError(stream));
        else live.push(waiting);
      }
      if (live.length > 0) await pause(attempt);
      continue;
    }
    for (const o of outcomes) {
      if ('refused' in o) o.waiting.reject(o.refused);
      else o.waiting.resolve({ state: o.state, events: o.events, position: o.events.length > 0 ? position : null, revision: o.revision });
    }
    return;
  }
}
