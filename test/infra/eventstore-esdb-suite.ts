// What the EventStoreDB adapter must do beyond the shared contract, run against
// the emulator on one append path: skip a real server's system events, turn a
// dead server into EventStoreUnavailableError and recover when it is back,
// and leave errors that are not about availability alone.
// Not a test file itself: eventstore-esdb-{append,batchappend}.test.ts run it.

import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import { EventStoreDBClient, MaxAppendSizeExceededError, jsonEvent } from '@eventstore/db-client';
import { openEventStoreDb } from '../../src/infra/eventstore/esdb.js';
import {
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
  comparePositions,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../../src/infra/eventstore/types.js';
import { startEmulator } from '../support/esdb-emulator.js';
import { eventStoreContract } from './eventstore-contract.js';

export function esdbAdapterSuite(t: Test, options: { batchAppend: boolean }): void {
  const { batchAppend } = options;

  // A fresh emulator per contract test: its log starts with system events only.
  eventStoreContract(t, async () => {
    const emulator = await startEmulator({ batchAppend });
    const store = openEventStoreDb(emulator.url);
    return {
      store,
      async cleanup() {
        await store.close();
        await emulator.stop();
      },
    };
  });

  const setup = async (t: Test) => {
    const running = { emulator: await startEmulator({ batchAppend }) };
    const store = openEventStoreDb(running.emulator.url);
    const raw = EventStoreDBClient.connectionString(running.emulator.url);
    t.teardown(async () => {
      await store.close();
      await raw.dispose();
      await running.emulator.stop();
    });
    return { running, store, raw };
  };

  t.test(`appends travel through ${batchAppend ? 'Streams.BatchAppend' : 'Streams.Append'}`, async (t) => {
    const { running, store } = await setup(t);
    await store.append(streamName('path'), [newEvent()], 'no_stream');
    await store.append(streamName('path'), [newEvent()], 'no_stream');
    const { calls } = running.emulator;
    if (batchAppend) {
      t.equal(calls.serverFeatures, 1, 'the client asked for the server features once');
      t.equal(calls.batchAppend, 1, 'one long-lived BatchAppend call carried both appends');
      t.equal(calls.append, 0, 'Append was not used');
    } else {
      t.equal(calls.append, 2, 'each append was one Append call');
      t.equal(calls.batchAppend, 0, 'BatchAppend was not used');
    }
  });

  t.test('system events in $all never reach readAll, subscribe or headPosition', async (t) => {
    const { store, raw } = await setup(t);
    const ours: NewEvent[] = [newEvent(), newEvent(), newEvent()];
    const kept = streamName('kept');
    const deleted = streamName('deleted');
    const tombstoned = streamName('tombstoned');
    await store.append(kept, [ours[0]!], 'no_stream');
    await store.append(deleted, [ours[1]!], 'no_stream');
    const last = await store.append(tombstoned, [ours[2]!], 'no_stream');

    const rx = subscribeAll(t, store);
    // The newest records of the log are now all system records.
    await raw.deleteStream(deleted); // $metadata in $$deleted
    await raw.tombstoneStream(tombstoned); // $streamDeleted in a stream of ours
    await raw.appendToStream(kept, jsonEvent({ type: '$internal', data: {} })); // a $ type in our stream
    await raw.appendToStream(`$system-${randomUUID()}`, jsonEvent({ type: 'Ordinary', data: {} })); // a $ stream
    let systemInLog = 0;
    for await (const resolved of raw.readAll()) {
      if (resolved.event?.type.startsWith('$') || resolved.event?.streamId.startsWith('$')) systemInLog += 1;
    }
    t.ok(systemInLog >= 6, `the emulator's $all holds system events (${systemInLog})`);

    t.strictSame(await store.headPosition(), last.position, 'headPosition walks back past trailing system events');
    const all = await collect(store.readAll());
    t.strictSame(all.map((e) => e.id), ours.map((e) => e.id), 'readAll holds only our events');

    const later = newEvent();
    await store.append(kept, [later], 1n);
    await rx.until([...ours, later]);
    await rx.drain(150);
    t.strictSame(rx.events.map((e) => e.id), [...ours, later].map((e) => e.id), 'subscribe delivers only our events');
  });

  t.test('a stopped server is EventStoreUnavailableError; the store recovers when it is back', async (t) => {
    const { running, store } = await setup(t);
    const s = streamName('outage');
    const first = await store.append(s, [newEvent()], 'no_stream');
    const subscription = store.subscribe();
    let received = 0;
    const consumer = (async () => {
      for await (const batch of subscription) received += batch.length;
    })();
    const outcome = consumer.then(
      () => 'ended',
      (error: unknown) => error,
    );
    await waitFor(() => received > 0); // live: caught up with the one event

    await running.emulator.stop();
    t.type(await outcome, EventStoreUnavailableError, 'an open subscription fails as unavailable');
    await t.rejects(store.ping(), EventStoreUnavailableError, 'ping');
    await t.rejects(store.append(s, [newEvent()], 0n), EventStoreUnavailableError, 'append');
    await t.rejects(store.readStream(s), EventStoreUnavailableError, 'readStream');
    await t.rejects(collect(store.readAll()), EventStoreUnavailableError, 'readAll');
    await t.rejects(store.headPosition(), EventStoreUnavailableError, 'headPosition');
    const error = await store.ping().catch((e: unknown) => e);
    t.match(String((error as Error).message), /unavailable|did not answer/i, 'the message says what happened');

    running.emulator = await running.emulator.restart();
    await eventually(() => store.ping());
    t.strictSame((await store.readStream(s)).map((e) => e.position), [first.position], 'the data survived the restart');
    const second = await store.append(s, [newEvent()], 0n);
    t.equal(second.nextExpectedRevision, 1n, 'appends continue where they were');
    const rx = subscribeAll(t, store);
    await rx.until([]);
    await rx.drain(150);
    t.equal(rx.events.length, 2, 'a new subscription catches up after the restart');
  });

  t.test('errors that are not about availability pass through unchanged', async (t) => {
    const { store } = await setup(t);
    const s = streamName('errors');
    const { position } = await store.append(s, [newEvent()], 'no_stream');

    const inside = { commit: position.commit + 1n, prepare: position.prepare + 1n };
    const readError = await collect(store.readAll({ after: inside })).catch((e: unknown) => e);
    t.ok(readError instanceof Error && !(readError instanceof EventStoreUnavailableError), 'an invalid position is a plain error');

    const huge = newEvent('TooBig', { blob: 'x'.repeat(1024 * 1024 + 1) });
    const appendError = await store.append(s, [huge], 0n).catch((e: unknown) => e);
    t.ok(appendError instanceof MaxAppendSizeExceededError, 'an append over 1 MiB is refused as too big');
    t.notOk(appendError instanceof WrongExpectedRevisionError || appendError instanceof EventStoreUnavailableError);
    t.equal((await store.readStream(s)).length, 1, 'and writes nothing');
  });

  t.test('close() ends open subscriptions and can be called twice', async (t) => {
    const { running } = await setup(t);
    const store = openEventStoreDb(running.emulator.url);
    await store.append(streamName('closing'), [newEvent()], 'no_stream');
    const subscription = store.subscribe();
    const consumer = (async () => {
      let n = 0;
      for await (const batch of subscription) n += batch.length;
      return n;
    })();
    await sleep(100);
    await store.close();
    t.equal(await consumer, 1, 'the iteration ended after delivering the one event');
    await t.resolves(store.close(), 'a second close() is harmless');
  });
}

// ---------------------------------------------------------------------------

const streamName = (kind: string) => `${kind}-${randomUUID()}`;
const newEvent = (type = 'ThingHappened', data: Record<string, unknown> = { at: randomUUID() }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
});
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function waitFor(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(10);
  }
}

/** Retries `attempt` for up to two seconds: the client reconnects on the call after a failure. */
async function eventually(attempt: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}

/** A subscription from the start, pulled in the background. */
function subscribeAll(t: Test, store: EventStore) {
  const subscription = store.subscribe();
  t.teardown(() => subscription.close());
  const events: RecordedEvent[] = [];
  let failure: unknown;
  void (async () => {
    try {
      for await (const batch of subscription) events.push(...batch);
    } catch (error) {
      failure = error;
    }
  })();
  return {
    events,
    async until(expected: NewEvent[], ms = 5_000) {
      const deadline = Date.now() + ms;
      while (!expected.every((e) => events.some((g) => g.id === e.id))) {
        if (failure) throw failure;
        if (Date.now() > deadline) throw new Error(`subscription: events not received within ${ms} ms`);
        await sleep(10);
      }
      const order = events.map((e) => e.position);
      if (order.some((p, i) => i > 0 && comparePositions(order[i - 1]!, p) >= 0)) throw new Error('out of order');
    },
    drain: (ms: number) => sleep(ms),
  };
}
