// Command handling: read a stream, fold it with the decider's evolve, decide,
// append with the revision that was read. A concurrent writer makes the append
// fail with a wrong expected revision; then the handler reads again and decides
// again, a bounded number of times.
import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from './errors.js';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type RecordedEvent,
} from './eventstore/types.js';

/** An event as the domain sees it: a type and a JSON payload. */
export interface DomainEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  /** Pure: no I/O, no clock, no randomness. Throws DomainError to refuse. */
  decide(command: Command, state: State): Event[];
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

export interface HandleOptions {
  /** Attempts in all, including the first (default 5). */
  attempts?: number;
  /** Written with every event, e.g. the request id that caused it. */
  metadata?: Record<string, unknown>;
}

export async function handle<State, Command, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  options: HandleOptions = {},
): Promise<Handled<State, Event>> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    const { state, revision } = await fold(store, stream, decider);
    const events = decider.decide(command, state);
    if (events.length === 0) return { state, events, position: null };
    try {
      const result = await store.append(
        stream,
        events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: options.metadata ?? {} })),
        revision,
      );
      const next = events.reduce(decider.evolve, state);
      return { state: next, events, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= attempts) throw new ConcurrencyError(stream);
      // Jittered pause so that racing writers do not collide again in lockstep.
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}
