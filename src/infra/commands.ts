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
  events: RecordedEvent[];
}

export interface Handled<State, Event> {
  state: State;
  /** The events this command appended (empty when the decider decided nothing). */
  events: Event[];
  /** Log position of the last appended event, or null when nothing was appended. */
  position: Position | null;
}

export async function fold<State, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): Promise<Folded<State>> {
  const events = await store.readStream(stream);
  let state = decider.initialState();
  for (const e of events) state = decider.evolve(state, { type: e.type, data: e.data } as Event);
  const last = events[events.length - 1];
  return { state, revision: last ? last.revision : 'no_stream', events };
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
