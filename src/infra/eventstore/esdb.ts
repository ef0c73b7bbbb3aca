// The EventStore interface on EventStoreDB, through @eventstore/db-client.
// Written for a real server: $all holds system events (`$` types and streams,
// stream metadata, tombstones) that are not ours, positions have gaps, a
// forwards $all read includes its start position, and subscription checkpoints
// are not events.

import {
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
} from '@eventstore/db-client';
import type {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendExpectedRevision,
  Direction,
  JSONType,
  ReadPosition,
  RecordedEvent as ClientRecordedEvent,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  eventsOf,
  WrongExpectedRevisionError,
  comparePositions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
} from './types.js';

/** Events per $all read; reads are paged so that no gRPC call is left half-consumed. */
const PAGE_SIZE = 256;
/** Records per backwards read when looking for the newest event of ours. */
const HEAD_PAGE_SIZE = 64;
const PING_TIMEOUT_MS = 5_000;
/**
 * Pauses before the retries of an append that met a follower (NotLeaderError) or a node
 * that went away: the client reconnects to the named leader, or rediscovers through
 * gossip, on the call after a failure. Retrying is safe because the event ids are the
 * same: the server answers a re-append of ids it already holds with the original result.
 */
const APPEND_RETRY_DELAYS_MS = [25, 100, 250];
/** A subscription stops pulling from the server when this many events wait for the consumer. */
const SUBSCRIPTION_HIGH_WATER = 1_024;

/** Opens a store on the server at `url`, e.g. esdb://127.0.0.1:2113?tls=false. Nothing connects until first use. */
export function openEventStoreDb(url: string): EventStore {
  return new EventStoreDbStore(EventStoreDBClient.connectionString(url));
}

export class EventStoreDbStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly client: EventStoreDBClient) {}

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // The server accepts an empty append but answers it with no position to report.
    if (events.length === 0) throw new RangeError(`append to ${stream} needs at least one event`);
    const data = events.map(toEventData);
    try {
      const result = await this.appendRetrying(stream, data, toClientRevision(expected));
      // A server may answer an idempotent re-append without a position: look it up.
      const position = result.position ?? (await this.positionOf(stream, result.nextExpectedRevision));
      return { nextExpectedRevision: result.nextExpectedRevision, position: copy(position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(stream, expected, error.actualVersion);
      }
      throw translate(error);
    }
  }

  /** One append, retried on a leader change (see APPEND_RETRY_DELAYS_MS); the last failure is thrown. */
  private async appendRetrying(stream: string, data: ReturnType<typeof toEventData>[], expectedRevision: AppendExpectedRevision) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.appendToStream(stream, data, { expectedRevision });
      } catch (error) {
        const delay = APPEND_RETRY_DELAYS_MS[attempt];
        const leaderMoved = error instanceof NotLeaderError || translate(error) instanceof EventStoreUnavailableError;
        if (delay === undefined || !leaderMoved) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async readStream(stream: string, options: { fromRevision?: bigint } = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const fromRevision = options.fromRevision ?? START;
      for await (const resolved of this.client.readStream(stream, { fromRevision, direction: FORWARDS })) {
        if (resolved.event) events.push(toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translate(error);
    }
    return events;
  }

  readAll(options: { after?: Position; maxCount?: number } = {}): AsyncIterable<RecordedEvent> {
    return eventsOf(this.readAllPages(options));
  }

  async *readAllPages(options: { after?: Position; maxCount?: number } = {}): AsyncIterable<RecordedEvent[]> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    // Everything up to and including `seen` has been passed over, ours or not.
    let seen = isStart(options.after) ? undefined : options.after;
    let from: ReadPosition = seen ?? START;
    while (remaining > 0) {
      const page = await this.readAllPage(from, FORWARDS, PAGE_SIZE);
      const ours: RecordedEvent[] = [];
      for (const event of page) {
        // The server's forwards read includes `from` itself.
        if (seen && comparePositions(event.position, seen) <= 0) continue;
        seen = event.position;
        if (isSystem(event)) continue;
        ours.push(toRecorded(event));
        if (--remaining === 0) break;
      }
      // A page of the server's may hold only system events: nothing to hand on, read on.
      if (ours.length > 0) yield ours;
      const last = page[page.length - 1];
      if (remaining === 0 || !last || page.length < PAGE_SIZE) return;
      from = last.position;
    }
  }

  subscribe(options: { after?: Position } = {}): Subscription {
    const after = isStart(options.after) ? undefined : options.after;
    const source = this.client.subscribeToAll({
      fromPosition: after ? copy(after) : START,
      filter: excludeSystemEvents(),
    });
    const subscription = batchesOf(source, after, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    // The newest records are often system events: walk back until one of ours.
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage(from, BACKWARDS, HEAD_PAGE_SIZE);
      const ours = page.find((event) => !isSystem(event));
      if (ours) return copy(ours.position);
      const last = page[page.length - 1];
      if (!last || page.length < HEAD_PAGE_SIZE) return null;
      from = last.position; // backwards reads exclude their start
    }
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new EventStoreUnavailableError(`EventStoreDB did not answer within ${PING_TIMEOUT_MS} ms`)),
        PING_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.readAllPage(END, BACKWARDS, 1), timeout]);
    } catch (error) {
      // Whatever stops the read (refused, timed out, access denied) means "not answering".
      if (error instanceof EventStoreUnavailableError) throw error;
      throw new EventStoreUnavailableError(`EventStoreDB did not answer: ${messageOf(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
    // dispose() ends the calls but leaves the channel (and its connection) open.
    try {
      (await this.client['getChannel']()).close();
    } catch {
      // No channel could be made (discovery failed), so there is none to close.
    }
  }

  private async readAllPage(from: ReadPosition, direction: Direction, maxCount: number): Promise<AllStreamRecordedEvent[]> {
    const page: AllStreamRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({ fromPosition: from, direction, maxCount })) {
        if (resolved.event) page.push(resolved.event);
      }
    } catch (error) {
      throw translate(error);
    }
    return page;
  }

  private async positionOf(stream: string, revision: bigint): Promise<Position> {
    for await (const resolved of this.client.readStream(stream, { fromRevision: revision, maxCount: 1 })) {
      if (resolved.event?.position) return resolved.event.position;
    }
    throw new Error(`EventStoreDB reported no position for revision ${revision} of stream ${stream}`);
  }
}

/**
 * Adapts a client subscription to batches: whatever has arrived when the
 * consumer asks is handed over as one batch, in log order.
 */
function batchesOf(source: AllStreamSubscription, after: Position | undefined, onClose: () => void): Subscription {
  const buffer: RecordedEvent[] = [];
  let last = after;
  let failure: unknown;
  let ended = false;
  let closed = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  source.on('data', (resolved: AllStreamResolvedEvent) => {
    const event = resolved.event;
    if (!event || isSystem(event)) return;
    // Positions only grow: anything at or before the last delivered one is a replay.
    if (last && comparePositions(event.position, last) <= 0) return;
    last = event.position;
    try {
      buffer.push(toRecorded(event));
    } catch (error) {
      // Not an event we can deliver: stop here rather than skip it.
      failure ??= error;
      source.pause();
      notify();
      return;
    }
    if (buffer.length >= SUBSCRIPTION_HIGH_WATER) source.pause();
    notify();
  });
  source.on('error', (error) => {
    failure ??= translate(error);
    notify();
  });
  source.on('end', () => {
    ended = true;
    notify();
  });

  const close = async () => {
    if (closed) return;
    closed = true;
    onClose();
    notify();
    // Cancelling a call that already failed (server gone) has nothing left to do.
    await source.unsubscribe().catch(() => undefined);
  };

  return {
    close,
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          if (closed) return;
          if (buffer.length > 0) {
            const batch = buffer.splice(0);
            source.resume();
            yield batch;
            continue;
          }
          if (failure) throw failure;
          if (ended) throw new EventStoreUnavailableError('EventStoreDB ended the subscription to $all');
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        // A consumer that stops iterating is done with the subscription.
        await close();
      }
    },
  };
}

function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

function toEventData(event: NewEvent) {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    ...(event.metadata ? { metadata: event.metadata } : {}),
  });
}

function toRecorded(event: ClientRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(`EventStoreDB reported no position for event ${event.id} (server 22.6 or later is required)`);
  }
  if (!event.isJson || !isRecord(event.data)) {
    throw new TypeError(`event ${event.id} (${event.type}) in stream ${event.streamId} does not hold a JSON object`);
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position: copy(event.position),
    type: event.type,
    data: event.data,
    metadata: isRecord(event.metadata) ? event.metadata : {},
    created: event.created, // a Date in @eventstore/db-client 6.x (converted from .NET ticks)
  };
}

/** Events the database writes for itself: `$` types ($metadata, $streamDeleted, $>) or `$` streams. */
function isSystem(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function isStart(position: Position | undefined): boolean {
  return !position || position.commit < 0n || position.prepare < 0n;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

const copy = (p: Position): Position => ({ commit: p.commit, prepare: p.prepare });

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Network trouble becomes EventStoreUnavailableError; everything else is passed on as it is. */
export function translate(error: unknown): unknown {
  if (error instanceof EventStoreUnavailableError) return error;
  const unreachable =
    // A follower refused, and the retries met no leader: the cluster is mid-election.
    error instanceof NotLeaderError ||
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof TimeoutError ||
    (isErrorWithCode(error) && (error.code === GRPC_UNAVAILABLE || error.code === GRPC_DEADLINE_EXCEEDED)) ||
    (error instanceof Error && /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(error.message)) ||
    // Gossip found no usable member on any seed (a cluster with no node up): the client's plain Error.
    (error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message));
  if (!unreachable) return error;
  return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${messageOf(error)}`, { cause: error });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function isErrorWithCode(error: unknown): error is { code: unknown } {
  return typeof error === 'object' && error !== null && 'code' in error;
}
