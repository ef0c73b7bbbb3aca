// The emulator, driven with the real @eventstore/db-client on both append
// paths, for what the adapter does not use but a real server does: soft delete
// and recreation, tombstones, the 1 MiB limit, idempotent re-appends, invalid
// positions, backwards reads, filtered subscriptions with checkpoints, stream
// subscriptions, system events in $all, and a restart with the same data.

import { randomUUID } from 'node:crypto';
import t from 'tap';
import type { Test } from 'tap';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type { AllStreamSubscription, Position, ResolvedEvent, AllStreamResolvedEvent } from '@eventstore/db-client';
import { MAX_APPEND_SIZE, startEmulator, type Emulator } from '../support/esdb-emulator.js';

const streamName = (kind: string) => `${kind}-${randomUUID()}`;
const event = (type = 'ThingHappened', data: Record<string, unknown> = { at: randomUUID() }) => jsonEvent({ type, data });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isSystem = (e: { type: string; streamId: string }) => e.type.startsWith('$') || e.streamId.startsWith('$');

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function failureOf(work: Promise<unknown> | AsyncIterable<unknown>): Promise<unknown> {
  try {
    if (Symbol.asyncIterator in work) await collect(work);
    else await work;
  } catch (error) {
    return error;
  }
  return new Error('expected a failure, got success');
}

async function waitFor(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(10);
  }
}

async function readAllEvents(client: EventStoreDBClient) {
  return (await collect(client.readAll({ fromPosition: START }))).flatMap((r) => (r.event ? [r.event] : []));
}

async function streamEvents(client: EventStoreDBClient, stream: string, options: Parameters<EventStoreDBClient['readStream']>[1] = {}) {
  return (await collect(client.readStream(stream, options))).flatMap((r: ResolvedEvent) => (r.event ? [r.event] : []));
}

async function open(t: Test, batchAppend: boolean) {
  const emulator = await startEmulator({ batchAppend });
  const client = EventStoreDBClient.connectionString(emulator.url);
  t.teardown(async () => {
    await client.dispose();
    await emulator.stop();
  });
  return { emulator, client };
}

/** A $all subscription recorded in the background: events, checkpoints and whether it caught up. */
function record(t: Test, subscription: AllStreamSubscription, checkpoints: Position[]) {
  t.teardown(() => subscription.unsubscribe());
  const seen = { events: [] as NonNullable<AllStreamResolvedEvent['event']>[], caughtUp: false, checkpoints, error: undefined as unknown };
  subscription.on('caughtUp', () => (seen.caughtUp = true));
  subscription.on('data', (r: AllStreamResolvedEvent) => r.event && seen.events.push(r.event));
  subscription.on('error', (error) => (seen.error = error));
  return seen;
}

for (const batchAppend of [false, true]) {
  t.test(batchAppend ? 'with BatchAppend advertised' : 'without ServerFeatures (Append)', async (t) => {
    t.test('the advertised features decide the append path', async (t) => {
      const { emulator, client } = await open(t, batchAppend);
      await client.appendToStream(streamName('path'), event());
      await client.appendToStream(streamName('path'), event());
      t.equal(emulator.calls.append, batchAppend ? 0 : 2);
      t.equal(emulator.calls.batchAppend, batchAppend ? 1 : 0);
      t.equal(emulator.calls.serverFeatures, batchAppend ? 1 : 0);
    });

    t.test('wrong expected version carries the expected and the actual revision', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('wev');
      await client.appendToStream(s, event(), { expectedRevision: 'no_stream' });
      const cases: Array<[Parameters<typeof client.appendToStream>[2], string, unknown, unknown]> = [
        [{ expectedRevision: 'no_stream' }, s, 'no_stream', 0n],
        [{ expectedRevision: 5n }, s, 5n, 0n],
        [{ expectedRevision: 'stream_exists' }, `${s}-missing`, 'stream_exists', 'no_stream'],
        [{ expectedRevision: 0n }, `${s}-missing`, 0n, 'no_stream'],
      ];
      for (const [options, stream, expected, actual] of cases) {
        const error = await failureOf(client.appendToStream(stream, event(), options));
        t.type(error, WrongExpectedVersionError, `${String(expected)} on ${stream === s ? 'an existing' : 'a missing'} stream`);
        t.match(error, { streamName: stream, expectedVersion: expected, actualVersion: actual });
      }
    });

    t.test('re-appending committed event ids at the same place is idempotent', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('idem');
      const batch = [event(), event(), event()];
      const first = await client.appendToStream(s, batch, { expectedRevision: 'no_stream' });
      const again = await client.appendToStream(s, batch, { expectedRevision: 'no_stream' });
      t.strictSame(again, first, 'no_stream: the original result');
      t.strictSame(await client.appendToStream(s, batch, { expectedRevision: 'any' }), first, 'any: the original result');
      const next = event();
      const second = await client.appendToStream(s, next, { expectedRevision: 2n });
      t.strictSame(await client.appendToStream(s, next, { expectedRevision: 2n }), second, 'exact revision: the original result');
      t.type(await failureOf(client.appendToStream(s, event(), { expectedRevision: 2n })), WrongExpectedVersionError, 'new ids at a taken place conflict');
      const inLog = (await readAllEvents(client)).filter((e) => e.streamId === s);
      t.strictSame(inLog.map((e) => e.id), [...batch, next].map((e) => e.id), 'each event is in $all once');
    });

    t.test('soft delete hides the stream; appending recreates it and revisions continue', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('soft');
      const old = [event(), event()];
      await client.appendToStream(s, old, { expectedRevision: 'no_stream' });
      const deleted = await client.deleteStream(s, { expectedRevision: 1n });
      t.ok(deleted.position, 'the delete has a position');

      t.type(await failureOf(client.readStream(s)), StreamNotFoundError, 'a soft-deleted stream reads as not found');
      t.type(
        await failureOf(client.appendToStream(s, event(), { expectedRevision: 'stream_exists' })),
        StreamDeletedError,
        'stream_exists after a soft delete answers StreamDeleted',
      );
      const recreated = await client.appendToStream(s, event(), { expectedRevision: 'any' });
      t.equal(recreated.nextExpectedRevision, 2n, 'revisions continue after the soft delete');
      const visible = await streamEvents(client, s);
      t.strictSame(visible.map((e) => e.revision), [2n], 'only the new event is visible');
      const metadata = await client.getStreamMetadata(s);
      t.equal(metadata.metadata?.truncateBefore, 2, '$tb points at the first new event');

      const all = await readAllEvents(client);
      t.ok(all.some((e) => e.streamId === `$$${s}` && e.type === '$metadata'), 'the delete wrote a $metadata event to $all');
      t.strictSame(all.filter((e) => e.streamId === s).map((e) => e.id).slice(0, 2), old.map((e) => e.id), 'the old events stay in $all');

      const stale = await failureOf(client.deleteStream(s, { expectedRevision: 0n }));
      t.type(stale, WrongExpectedVersionError, 'delete checks the expected revision');
      t.match(stale, { streamName: s, expectedVersion: 0n, actualVersion: 2n });

      const again = streamName('soft-again');
      await client.appendToStream(again, event());
      await client.deleteStream(again);
      const reborn = await client.appendToStream(again, event(), { expectedRevision: 'no_stream' });
      t.equal(reborn.nextExpectedRevision, 1n, 'no_stream recreates a soft-deleted stream too');
    });

    t.test('a tombstoned stream answers stream-deleted to everything', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('tomb');
      await client.appendToStream(s, [event(), event()]);
      const result = await client.tombstoneStream(s, { expectedRevision: 1n });
      t.ok(result.position, 'the tombstone has a position');
      for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 1n] as const) {
        t.type(await failureOf(client.appendToStream(s, event(), { expectedRevision })), StreamDeletedError, `append (${String(expectedRevision)})`);
      }
      t.type(await failureOf(client.readStream(s)), StreamDeletedError, 'read');
      t.type(await failureOf(client.readStream(s, { direction: BACKWARDS, fromRevision: END })), StreamDeletedError, 'read backwards');
      t.type(await failureOf(client.deleteStream(s)), StreamDeletedError, 'delete');
      t.type(await failureOf(client.tombstoneStream(s)), StreamDeletedError, 'tombstone');
      t.type(await failureOf(client.subscribeToStream(s)), StreamDeletedError, 'subscribe');
      const tombstone = (await readAllEvents(client)).find((e) => e.streamId === s && e.type === '$streamDeleted');
      t.ok(tombstone, 'the tombstone is a $streamDeleted record of the stream itself in $all');

      const never = streamName('never');
      await client.tombstoneStream(never);
      t.type(await failureOf(client.appendToStream(never, event())), StreamDeletedError, 'a tombstoned name cannot be created');
    });

    t.test('appends over 1 MiB are refused and write nothing', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('big');
      const fits = await client.appendToStream(s, event('Big', { blob: 'x'.repeat(1_000_000) }));
      t.equal(fits.nextExpectedRevision, 0n, 'just under the limit is fine');
      for (const events of [
        [event('Big', { blob: 'x'.repeat(MAX_APPEND_SIZE) })],
        [event('Big', { blob: 'x'.repeat(600_000) }), event('Big', { blob: 'y'.repeat(600_000) })],
      ]) {
        const error = await failureOf(client.appendToStream(s, events));
        t.type(error, MaxAppendSizeExceededError, `${events.length} event(s) over the limit`);
        t.match(error, { maxAppendSize: MAX_APPEND_SIZE });
      }
      t.equal((await streamEvents(client, s)).length, 1, 'nothing more was written');
    });

    t.test('$all positions: inclusive forwards, exclusive backwards, invalid inside a record', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('pos');
      await client.appendToStream(s, [event(), event(), event()]);
      const all = await readAllEvents(client);
      const ours = all.filter((e) => e.streamId === s);
      const [a, b, c] = ours.map((e) => e.position);
      t.ok(a && b && c && a.commit < b.commit && b.commit < c.commit, 'positions increase');
      t.ok(b!.commit - a!.commit > 1n, 'with gaps between them');
      t.ok(ours.every((e) => e.position.commit === e.position.prepare), 'commit == prepare');

      const forwards = await collect(client.readAll({ fromPosition: b!, maxCount: 1 }));
      t.strictSame(forwards[0]?.event?.id, ours[1]!.id, 'forwards includes the given position');
      const backwards = await collect(client.readAll({ fromPosition: b!, direction: BACKWARDS, maxCount: 1 }));
      t.strictSame(backwards[0]?.event?.id, ours[0]!.id, 'backwards excludes it');
      const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 2 }));
      t.strictSame(last.map((r) => r.event?.position), all.slice(-2).reverse().map((e) => e.position), 'backwards from the end');
      t.strictSame(await collect(client.readAll({ fromPosition: END })), [], 'forwards from the end is empty');
      t.strictSame(await collect(client.readAll({ fromPosition: START, direction: BACKWARDS })), [], 'backwards from the start is empty');

      const inside = { commit: b!.commit + 1n, prepare: b!.prepare + 1n };
      const error = await failureOf(client.readAll({ fromPosition: inside }));
      t.type(error, UnknownError, 'a position inside a record is invalid');
      t.match(String((error as Error).message), /invalid position/);
      t.type(await failureOf(client.readAll({ fromPosition: { commit: b!.commit, prepare: a!.prepare } })), UnknownError, 'commit != prepare is invalid');
      const subscription = client.subscribeToAll({ fromPosition: inside });
      t.type(await failureOf(subscription), UnknownError, 'subscribing from an invalid position fails too');
    });

    t.test('stream reads forwards and backwards honour revision and count', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('dir');
      await client.appendToStream(s, [event(), event(), event(), event(), event()]);
      const revisions = async (options: Parameters<EventStoreDBClient['readStream']>[1]) =>
        (await streamEvents(client, s, options)).map((e) => e.revision);
      t.strictSame(await revisions({ direction: BACKWARDS, fromRevision: END }), [4n, 3n, 2n, 1n, 0n]);
      t.strictSame(await revisions({ direction: BACKWARDS, fromRevision: 2n, maxCount: 2 }), [2n, 1n]);
      t.strictSame(await revisions({ direction: BACKWARDS, fromRevision: START }), [0n]);
      t.strictSame(await revisions({ direction: FORWARDS, fromRevision: 3n }), [3n, 4n]);
      t.strictSame(await revisions({ direction: FORWARDS, maxCount: 2 }), [0n, 1n]);
      t.strictSame(await revisions({ direction: FORWARDS, fromRevision: END }), []);
      t.strictSame(await revisions({ direction: FORWARDS, fromRevision: 9n }), [], 'past the end is empty, not missing');
      const recorded = (await streamEvents(client, s))[0]!;
      t.ok(Math.abs(recorded.created.getTime() - Date.now()) < 60_000, 'created is decoded from .NET ticks');
      t.ok(recorded.position, 'stream reads carry $all positions');
    });

    t.test('$all starts with system events; deletes and stats add more', async (t) => {
      const { client } = await open(t, batchAppend);
      const first = await readAllEvents(client);
      t.ok(first.length >= 2 && first.every(isSystem), 'a fresh log holds only system events');
      t.equal(first[0]?.streamId, '$settings');
      for (let i = 0; i < 4; i++) await client.appendToStream(streamName('busy'), event());
      const all = await readAllEvents(client);
      t.ok(all.some((e) => e.type === '$statsCollected'), 'periodic system events are interleaved with ours');
    });

    t.test('filtered $all subscriptions: only matching events, checkpoints, caught-up, live', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('cp');
      for (let i = 0; i < 70; i++) await client.appendToStream(s, event(i % 2 === 0 ? 'MatchA' : 'Other', { i }));
      const total = (await readAllEvents(client)).length;

      const checkpoints: Position[] = [];
      const seen = record(
        t,
        client.subscribeToAll({ filter: eventTypeFilter({ prefixes: ['Match'], checkpointReached: (_, p) => void checkpoints.push(p) }) }),
        checkpoints,
      );
      await waitFor(() => seen.caughtUp, 'caught up');
      t.equal(seen.events.length, 35, 'the matching catch-up events');
      t.ok(seen.events.every((e) => e.type === 'MatchA'), 'and nothing else');
      t.equal(checkpoints.length, Math.floor(total / 32) + 1, 'a checkpoint every 32 records considered, and one at the end of catch-up');
      const lastMatch = seen.events[seen.events.length - 1]!.position;
      t.ok(checkpoints[checkpoints.length - 1]!.commit >= lastMatch.commit, 'the catch-up checkpoint may lie past the last event');

      const before = checkpoints.length;
      for (let i = 0; i < 40; i++) await client.appendToStream(s, event(i % 4 === 0 ? 'MatchB' : 'Other', { i }));
      await waitFor(() => seen.events.length === 45, 'live matching events');
      t.ok(checkpoints.length > before, 'checkpoints continue while live');
      const positions = checkpoints.map((p) => p.commit);
      t.ok(positions.every((p, i) => i === 0 || positions[i - 1]! < p), 'checkpoints move forwards');

      // A checkpoint is a place to resume: only later events follow it.
      const resumeAt = checkpoints[1]!;
      const resumed = record(t, client.subscribeToAll({ fromPosition: resumeAt, filter: excludeSystemEvents() }), []);
      await waitFor(() => resumed.caughtUp, 'resumed subscription caught up');
      t.ok(resumed.events.length > 0 && resumed.events.every((e) => e.position.commit > resumeAt.commit), 'resuming gives only events after the checkpoint');
      t.ok(resumed.events.every((e) => !e.type.startsWith('$')), 'excludeSystemEvents filters $ types');

      const byStream = record(t, client.subscribeToAll({ filter: streamNameFilter({ regex: `^${s}$` }) }), []);
      await waitFor(() => byStream.caughtUp, 'stream-name filter caught up');
      t.equal(byStream.events.length, 110, 'a stream-name regex filter');

      const windowed: Position[] = [];
      const small = record(
        t,
        client.subscribeToAll({ filter: streamNameFilter({ prefixes: [s], maxSearchWindow: 5, checkpointInterval: 2, checkpointReached: (_, p) => void windowed.push(p) }) }),
        windowed,
      );
      await waitFor(() => small.caughtUp, 'windowed filter caught up');
      const considered = (await readAllEvents(client)).length;
      t.equal(windowed.length, Math.floor(considered / 10) + 1, 'the interval is the search window times the multiplier');
    });

    t.test('unfiltered $all subscriptions have no checkpoints and confirm before catching up', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('plain');
      await client.appendToStream(s, [event(), event()]);
      const subscription = client.subscribeToAll({ fromPosition: START });
      let confirmedFirst = false;
      subscription.on('confirmation', () => (confirmedFirst = seen.events.length === 0));
      const seen = record(t, subscription, []);
      await waitFor(() => seen.caughtUp, 'caught up');
      t.ok(confirmedFirst, 'the confirmation comes before any event');
      t.ok(seen.events.some(isSystem), 'without a filter, system events are delivered');
      await client.appendToStream(s, event());
      await waitFor(() => seen.events.filter((e) => e.streamId === s).length === 3, 'live');
    });

    t.test('stream subscriptions: catch-up strictly after a revision, then live', async (t) => {
      const { client } = await open(t, batchAppend);
      const s = streamName('ss');
      await client.appendToStream(s, [event(), event(), event()]);
      const subscription = client.subscribeToStream(s, { fromRevision: 0n });
      t.teardown(() => subscription.unsubscribe());
      const revisions: bigint[] = [];
      subscription.on('data', (r: ResolvedEvent) => r.event && revisions.push(r.event.revision));
      await waitFor(() => revisions.length === 2, 'catch-up');
      await client.appendToStream(streamName('elsewhere'), event());
      await client.appendToStream(s, event());
      await waitFor(() => revisions.length === 3, 'live');
      await sleep(50);
      t.strictSame(revisions, [1n, 2n, 3n]);
    });

    t.test('a restarted server on the same port serves the same data', async (t) => {
      let emulator: Emulator = await startEmulator({ batchAppend });
      const client = EventStoreDBClient.connectionString(emulator.url);
      t.teardown(async () => {
        await client.dispose();
        await emulator.stop();
      });
      const s = streamName('restart');
      const before = await client.appendToStream(s, [event(), event()]);
      const port = emulator.port;
      await emulator.stop();
      t.type(await failureOf(client.readStream(s)), UnavailableError, 'reads fail while it is down');
      emulator = await emulator.restart();
      t.equal(emulator.port, port, 'same port');
      let events: Awaited<ReturnType<typeof streamEvents>> = [];
      for (let attempt = 0; attempt < 50 && events.length === 0; attempt++) {
        events = await streamEvents(client, s).catch(async () => (await sleep(20), []));
      }
      t.equal(events.length, 2, 'the data survived');
      const after = await client.appendToStream(s, event(), { expectedRevision: 1n });
      t.ok(after.position!.commit > before.position!.commit, 'positions continue');
    });
  });
}
