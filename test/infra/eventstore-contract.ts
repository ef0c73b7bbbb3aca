// The contract every EventStore adapter passes (embedded SQLite, EventStoreDB
// through the emulator on both append paths, and a real EventStoreDB when one
// is reachable). Not a test file itself: the eventstore-*.test.ts files run it.
//
// Each subtest opens its own store. Where the log may be shared with others (a
// real server), assertions are made relative to positions the test observed
// and to its own, uniquely named streams.

import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import {
  START,
  WrongExpectedRevisionError,
  comparePositions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '../../src/infra/eventstore/types.js';

export interface ContractSubject {
  store: EventStore;
  /** Closes the store and removes whatever open() created. */
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /** open() gives a store whose log holds nothing of ours yet (false for a shared real server). */
  freshLog: boolean;
}

export function eventStoreContract(
  t: Test,
  open: () => Promise<ContractSubject>,
  options: ContractOptions = { freshLog: true },
): void {
  const setup = async (t: Test): Promise<EventStore> => {
    const subject = await open();
    t.teardown(() => subject.cleanup());
    return subject.store;
  };

  t.test('ping resolves when the store answers', async (t) => {
    const store = await setup(t);
    await t.resolves(store.ping());
  });

  t.test('append honours each kind of expected revision', async (t) => {
    const store = await setup(t);
    const s = streamName('kinds');
    const results: AppendResult[] = [];

    results.push(await store.append(s, [newEvent()], 'no_stream'));
    t.equal(results[0]!.nextExpectedRevision, 0n, 'no_stream creates the stream at revision 0');
    await expectWrongRevision(t, store.append(s, [newEvent()], 'no_stream'), s, 'no_stream', 0n);

    results.push(await store.append(s, [newEvent()], 'stream_exists'));
    t.equal(results[1]!.nextExpectedRevision, 1n, 'stream_exists appends to an existing stream');

    results.push(await store.append(s, [newEvent(), newEvent()], 1n));
    t.equal(results[2]!.nextExpectedRevision, 3n, 'an exact revision appends after it');
    await expectWrongRevision(t, store.append(s, [newEvent()], 1n), s, 1n, 3n);
    await expectWrongRevision(t, store.append(s, [newEvent()], 4n), s, 4n, 3n);

    results.push(await store.append(s, [newEvent()], 'any'));
    t.equal(results[3]!.nextExpectedRevision, 4n, 'any appends whatever the state');

    const missing = streamName('missing');
    await expectWrongRevision(t, store.append(missing, [newEvent()], 'stream_exists'), missing, 'stream_exists', 'no_stream');
    await expectWrongRevision(t, store.append(missing, [newEvent()], 0n), missing, 0n, 'no_stream');
    t.strictSame(await store.readStream(missing), [], 'failed appends write nothing');

    const created = await store.append(streamName('any'), [newEvent()], 'any');
    t.equal(created.nextExpectedRevision, 0n, 'any creates a missing stream');

    const events = await store.readStream(s);
    t.strictSame(events.map((e) => e.revision), [0n, 1n, 2n, 3n, 4n], 'only the successful appends were written');
    assertIncreasing(t, results.map((r) => r.position), 'append positions');
  });

  t.test('concurrent appends with one expected revision: exactly one wins', async (t) => {
    const store = await setup(t);
    const s = streamName('race');
    await store.append(s, [newEvent()], 'no_stream');
    const contenders = Array.from({ length: 8 }, () => newEvent());
    const outcomes = await Promise.allSettled(contenders.map((e) => store.append(s, [e], 0n)));
    const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    t.equal(winners.length, 1, 'exactly one append succeeds');
    for (const o of outcomes) {
      if (o.status === 'rejected') assertWrongRevision(t, o.reason, s, 0n, 1n);
    }
    const events = await store.readStream(s);
    t.equal(events.length, 2, 'the stream holds the first event and the winner');
    t.equal(events[1]?.id, contenders[winners[0]!]!.id, 'the winner is the one told it succeeded');

    const fresh = streamName('race-create');
    const creators = await Promise.allSettled(
      Array.from({ length: 5 }, () => store.append(fresh, [newEvent()], 'no_stream')),
    );
    t.equal(creators.filter((o) => o.status === 'fulfilled').length, 1, 'exactly one no_stream append creates the stream');
    for (const o of creators) {
      if (o.status === 'rejected') assertWrongRevision(t, o.reason, fresh, 'no_stream', 0n);
    }
    t.equal((await store.readStream(fresh)).length, 1);
  });

  t.test('re-appending the same event ids at the same place is idempotent', async (t) => {
    const store = await setup(t);
    const marker = await store.append(streamName('marker'), [newEvent()], 'no_stream');
    const s = streamName('idem');
    const batch = [newEvent(), newEvent()];
    const first = await store.append(s, batch, 'no_stream');
    const again = await store.append(s, batch, 'no_stream');
    t.equal(again.nextExpectedRevision, first.nextExpectedRevision, 'same revision as the original append');
    t.equal(comparePositions(again.position, first.position), 0, 'same position as the original append');

    const next = [newEvent()];
    const second = await store.append(s, next, 1n);
    const secondAgain = await store.append(s, next, 1n);
    t.equal(secondAgain.nextExpectedRevision, 2n);
    t.equal(comparePositions(secondAgain.position, second.position), 0);

    await expectWrongRevision(t, store.append(s, [newEvent()], 'no_stream'), s, 'no_stream', 2n);

    const events = await store.readStream(s);
    t.strictSame(events.map((e) => e.id), [...batch, ...next].map((e) => e.id), 'each event is written once');
    const inLog = (await collect(store.readAll({ after: marker.position }))).filter((e) => e.stream === s);
    t.strictSame(inLog.map((e) => e.id), [...batch, ...next].map((e) => e.id), 'and appears once in the log');
  });

  t.test('readStream from a revision: that event and the ones after it', async (t) => {
    const store = await setup(t);
    const s = streamName('from');
    const events = [newEvent(), newEvent(), newEvent(), newEvent()];
    await store.append(s, events, 'no_stream');
    t.strictSame((await store.readStream(s, { fromRevision: 0n })).map((e) => e.id), events.map((e) => e.id));
    const tail = await store.readStream(s, { fromRevision: 2n });
    t.strictSame(tail.map((e) => e.id), [events[2]!.id, events[3]!.id]);
    t.strictSame(tail.map((e) => e.revision), [2n, 3n]);
    t.strictSame(await store.readStream(s, { fromRevision: 4n }), [], 'past the end reads as []');
    t.strictSame(await store.readStream(streamName('nothing-from'), { fromRevision: 3n }), [], 'so does a missing stream');
  });

  t.test('a stream that does not exist reads as []', async (t) => {
    const store = await setup(t);
    t.strictSame(await store.readStream(streamName('nothing')), []);
  });

  t.test('events round-trip: id, stream, type, revision, data, metadata, created', async (t) => {
    const store = await setup(t);
    const s = `Bestellung-ß-日本-${randomUUID()}`;
    const events: NewEvent[] = [
      {
        id: randomUUID(),
        type: 'ProductCreated',
        data: {
          name: 'Crème brûlée 🍮',
          tags: ['日本語', 'עברית', 'e\u0301', ''],
          price: { amount: 1299, currency: 'EUR', ratio: -1.5e-7 },
          nested: { deep: { deeper: [1, { x: null }, true, false, 0, [[]]] } },
          empty: {},
        },
        metadata: { correlationId: randomUUID(), causation: { by: 'tëst', chain: [1, 2, 3] } },
      },
      { id: randomUUID(), type: 'ProductRenamed', data: { name: '💥 "quotes" \\ back\nnew\ttab \u2028' } },
      { id: randomUUID(), type: 'Ünïcødé.Typ-名前', data: { ok: true }, metadata: {} },
    ];
    const before = Date.now();
    const result = await store.append(s, events, 'no_stream');
    const after = Date.now();
    t.equal(result.nextExpectedRevision, 2n, 'one append, three revisions');

    const read = await store.readStream(s);
    t.equal(read.length, events.length);
    read.forEach((got, i) => {
      const sent = events[i]!;
      t.equal(got.id, sent.id, `id ${i}`);
      t.equal(got.stream, s, `stream ${i}`);
      t.equal(got.revision, BigInt(i), `revision ${i}`);
      t.equal(got.type, sent.type, `type ${i}`);
      t.strictSame(got.data, sent.data, `data ${i}`);
      t.strictSame(got.metadata, sent.metadata ?? {}, `metadata ${i}`);
      t.ok(got.created instanceof Date, `created ${i} is a Date`);
      // A minute of slack for a server whose clock is not ours.
      t.ok(
        got.created.getTime() >= before - 60_000 && got.created.getTime() <= after + 60_000,
        `created ${i} is the time of the append`,
      );
    });
    assertIncreasing(t, read.map((e) => e.position), 'positions within one append');
    t.equal(comparePositions(read[2]!.position, result.position), 0, 'the append reports the position of its last event');
  });

  t.test('positions increase across appends and streams and match readAll and readStream', async (t) => {
    const store = await setup(t);
    const marker = await store.append(streamName('marker'), [newEvent()], 'no_stream');
    const a = streamName('a');
    const b = streamName('b');
    const plan: Array<[string, NewEvent[], ExpectedRevision]> = [
      [a, [newEvent()], 'no_stream'],
      [b, [newEvent(), newEvent()], 'no_stream'],
      [a, [newEvent()], 0n],
      [b, [newEvent()], 1n],
      [a, [newEvent(), newEvent(), newEvent()], 1n],
    ];
    const results: AppendResult[] = [];
    for (const [stream, events, expected] of plan) results.push(await store.append(stream, events, expected));
    assertIncreasing(t, [marker.position, ...results.map((r) => r.position)], 'append positions');

    const all = await collect(store.readAll({ after: marker.position }));
    assertNoSystemEvents(t, all);
    assertIncreasing(t, all.map((e) => e.position), 'readAll positions');
    const ours = all.filter((e) => e.stream === a || e.stream === b);
    if (options.freshLog) t.equal(all.length, ours.length, 'nothing else in the log');
    t.strictSame(ours.map((e) => e.id), plan.flatMap(([, events]) => events.map((e) => e.id)), 'log order is append order');

    const byId = new Map(ours.map((e) => [e.id, e]));
    plan.forEach(([, events], i) => {
      const last = byId.get(events[events.length - 1]!.id);
      t.equal(last && comparePositions(last.position, results[i]!.position), 0, `append ${i} reports its last event's position`);
    });
    for (const stream of [a, b]) {
      for (const e of await store.readStream(stream)) {
        t.equal(comparePositions(e.position, byId.get(e.id)!.position), 0, `readStream and readAll agree on ${e.id}`);
      }
    }
  });

  t.test('readAll starts strictly after `after` and stops at maxCount', async (t) => {
    const store = await setup(t);
    const s = streamName('paged');
    const events = Array.from({ length: 5 }, () => newEvent());
    const positions: Position[] = [];
    for (const [i, e] of events.entries()) {
      positions.push((await store.append(s, [e], i === 0 ? 'no_stream' : BigInt(i - 1))).position);
    }
    const ids = events.map((e) => e.id);
    const ofStream = (list: RecordedEvent[]) => list.filter((e) => e.stream === s).map((e) => e.id);

    const afterSecond = await collect(store.readAll({ after: positions[1] }));
    t.strictSame(ofStream(afterSecond), ids.slice(2), 'after is exclusive');
    if (options.freshLog) t.equal(afterSecond.length, 3, 'and nothing else follows');
    t.strictSame((await collect(store.readAll({ after: positions[0], maxCount: 2 }))).map((e) => e.id), ids.slice(1, 3), 'maxCount');
    t.strictSame((await collect(store.readAll({ after: positions[0], maxCount: 1 }))).map((e) => e.id), ids.slice(1, 2), 'maxCount 1');
    t.strictSame(await collect(store.readAll({ after: positions[4] })), [], 'nothing after the last event');

    const fromStart = await collect(store.readAll());
    assertNoSystemEvents(t, fromStart);
    t.strictSame(ofStream(fromStart), ids, 'from the start, in order');
    if (options.freshLog) t.equal(fromStart.length, 5, 'a fresh log holds only our events');
    t.strictSame(
      (await collect(store.readAll({ after: START }))).map((e) => e.id),
      fromStart.map((e) => e.id),
      'after START is the same as from the start',
    );
    t.strictSame((await collect(store.readAll({ maxCount: 2 }))).length, 2, 'maxCount from the start');
  });

  t.test('readAll crosses page boundaries without losing or repeating events', async (t) => {
    const store = await setup(t);
    const marker = await store.append(streamName('marker'), [newEvent()], 'no_stream');
    const s = streamName('many');
    const events = Array.from({ length: 600 }, (_, i) => newEvent('ItemAdded', { i }));
    for (let i = 0; i < events.length; i += 100) {
      await store.append(s, events.slice(i, i + 100), i === 0 ? 'no_stream' : BigInt(i - 1));
    }
    const all = (await collect(store.readAll({ after: marker.position }))).filter((e) => e.stream === s);
    t.strictSame(all.map((e) => e.id), events.map((e) => e.id));
    assertIncreasing(t, all.map((e) => e.position), 'positions');
    const some = await collect(store.readAll({ after: all[10]!.position, maxCount: 520 }));
    t.strictSame(some.map((e) => e.id), events.slice(11, 531).map((e) => e.id), 'maxCount across pages');
  });

  t.test('readAllPages: the events of readAll, in order, in pages that are never empty', async (t) => {
    const store = await setup(t);
    const marker = await store.append(streamName('marker'), [newEvent()], 'no_stream');
    const s = streamName('paged');
    const events = Array.from({ length: 250 }, (_, i) => newEvent('ItemAdded', { i }));
    for (let i = 0; i < events.length; i += 50) await store.append(s, events.slice(i, i + 50), i === 0 ? 'no_stream' : BigInt(i - 1));
    const pages = await collect(store.readAllPages({ after: marker.position }));
    t.ok(pages.length > 0 && pages.every((p) => p.length > 0), 'no empty page');
    const flat = pages.flat();
    t.strictSame(flat.map((e) => e.id), (await collect(store.readAll({ after: marker.position }))).map((e) => e.id), 'the same events as readAll');
    t.strictSame(flat.filter((e) => e.stream === s).map((e) => e.data), events.map((e) => e.data), 'in order, data included');
    const capped = (await collect(store.readAllPages({ after: marker.position, maxCount: 7 }))).flat();
    t.strictSame(capped.map((e) => e.id), flat.slice(0, 7).map((e) => e.id), 'maxCount bounds the events over all pages');
    t.strictSame(await collect(store.readAllPages({ after: flat[flat.length - 1]!.position })), [], 'nothing after the last event: no page at all');
  });

  t.test('headPosition is the position of the newest event of ours', async (t) => {
    const store = await setup(t);
    if (options.freshLog) {
      t.equal(await store.headPosition(), null, 'an empty log has no head');
      t.strictSame(await collect(store.readAll()), [], 'and reads as empty');
    }
    const a = await store.append(streamName('head'), [newEvent()], 'no_stream');
    t.strictSame(await store.headPosition(), a.position);
    const b = await store.append(streamName('head'), [newEvent(), newEvent(), newEvent()], 'no_stream');
    t.strictSame(await store.headPosition(), b.position, 'after a multi-event append, its last event');
  });

  t.test('subscribe from the start: catch-up, then live, in order, without duplicates', async (t) => {
    const store = await setup(t);
    const s = streamName('sub');
    const other = streamName('sub-other');
    const caughtUp = [newEvent(), newEvent()];
    const third = newEvent();
    await store.append(s, caughtUp, 'no_stream');
    await store.append(other, [third], 'no_stream');

    const rx = receive(t, store.subscribe());
    await rx.until(hasIds([...caughtUp, third]));

    const live = [newEvent(), newEvent(), newEvent()];
    await store.append(s, [live[0]!], 1n);
    await store.append(s, live.slice(1), 2n);
    await rx.until(hasIds(live));
    await rx.drain(150);

    const ours = rx.events.filter((e) => e.stream === s || e.stream === other);
    t.strictSame(ours.map((e) => e.id), [...caughtUp, third, ...live].map((e) => e.id), 'every event once, in log order');
    if (options.freshLog) t.equal(rx.events.length, ours.length, 'nothing else');
    assertIncreasing(t, rx.events.map((e) => e.position), 'delivered positions');
    assertNoSystemEvents(t, rx.events);
    t.ok(rx.batches.every((b) => b.length > 0), 'no empty batches');
    t.strictSame(ours.map((e) => e.revision), [0n, 1n, 0n, 2n, 3n, 4n], 'revisions are delivered too');
  });

  t.test('subscribe from a stored position delivers only later events', async (t) => {
    const store = await setup(t);
    const s = streamName('resume');
    const events = Array.from({ length: 3 }, () => newEvent());
    const positions: Position[] = [];
    for (const [i, e] of events.entries()) {
      positions.push((await store.append(s, [e], i === 0 ? 'no_stream' : BigInt(i - 1))).position);
    }
    const rx = receive(t, store.subscribe({ after: positions[1] }));
    await rx.until(hasIds([events[2]!]));
    const fourth = newEvent();
    await store.append(s, [fourth], 2n);
    await rx.until(hasIds([fourth]));
    await rx.drain(150);

    t.ok(rx.events.every((e) => comparePositions(e.position, positions[1]!) > 0), 'nothing at or before the stored position');
    t.strictSame(
      rx.events.filter((e) => e.stream === s).map((e) => e.id),
      [events[2]!.id, fourth.id],
      'the events after it, once each',
    );
    if (options.freshLog) t.equal(rx.events.length, 2);

    const head = await store.headPosition();
    const tail = receive(t, store.subscribe({ after: head! }));
    await tail.drain(150);
    t.strictSame(tail.events, [], 'subscribing at the head delivers nothing old');
    const fifth = newEvent();
    await store.append(s, [fifth], 3n);
    await tail.until(hasIds([fifth]));
    t.strictSame(tail.events.map((e) => e.id), [fifth.id], 'only the new event');
  });

  t.test('live delivery matches the log under concurrent appends', async (t) => {
    const store = await setup(t);
    const start = await store.append(streamName('marker'), [newEvent()], 'no_stream');
    const rx = receive(t, store.subscribe({ after: start.position }));
    await rx.drain(100);
    const streams = Array.from({ length: 5 }, () => streamName('burst'));
    const appended = streams.flatMap((s) => [newEvent(), newEvent()].map((e) => ({ s, e })));
    await Promise.all(
      streams.map(async (s) => {
        const mine = appended.filter((x) => x.s === s).map((x) => x.e);
        await store.append(s, [mine[0]!], 'no_stream');
        await store.append(s, [mine[1]!], 0n);
      }),
    );
    await rx.until(hasIds(appended.map((x) => x.e)));
    await rx.drain(150);
    const logged = await collect(store.readAll({ after: start.position }));
    t.strictSame(rx.events.map((e) => e.id), logged.map((e) => e.id), 'the subscription saw exactly what the log holds, in its order');
  });

  t.test('close() ends the iteration cleanly', async (t) => {
    const store = await setup(t);
    const s = streamName('close');
    await store.append(s, [newEvent()], 'no_stream');

    const subscription = store.subscribe();
    const seen: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const batch of subscription) seen.push(...batch);
      return 'ended';
    })();
    await waitFor(() => seen.some((e) => e.stream === s), 5_000);
    await subscription.close();
    t.equal(await within(consumer, 2_000), 'ended', 'a waiting consumer is released without an error');
    await store.append(s, [newEvent()], 0n);
    await sleep(100);
    t.notOk(seen.some((e) => e.stream === s && e.revision === 1n), 'nothing is delivered after close()');

    const unused = store.subscribe();
    await unused.close();
    const batches: RecordedEvent[][] = [];
    for await (const batch of unused) batches.push(batch);
    t.strictSame(batches, [], 'a subscription closed before iterating yields nothing');

    const broken = store.subscribe();
    for await (const batch of broken) {
      if (batch.length > 0) break;
    }
    t.equal(await within(broken.close(), 2_000), undefined, 'close() after breaking out resolves');
  });
}

// ---------------------------------------------------------------------------

function streamName(kind: string): string {
  return `${kind}-${randomUUID()}`;
}

function newEvent(type = 'ThingHappened', data: Record<string, unknown> = { at: randomUUID() }): NewEvent {
  return { id: randomUUID(), type, data };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const hasIds = (events: NewEvent[]) => (got: RecordedEvent[]) => events.every((e) => got.some((g) => g.id === e.id));

function assertIncreasing(t: Test, positions: Position[], what: string): void {
  const bad = positions.findIndex((p, i) => i > 0 && comparePositions(positions[i - 1]!, p) >= 0);
  t.equal(bad, -1, `${what} strictly increase`);
}

function assertNoSystemEvents(t: Test, events: RecordedEvent[]): void {
  const system = events.filter((e) => e.type.startsWith('$') || e.stream.startsWith('$'));
  t.strictSame(system.map((e) => `${e.stream}/${e.type}`), [], 'no system events');
}

function assertWrongRevision(
  t: Test,
  error: unknown,
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): void {
  if (!(error instanceof WrongExpectedRevisionError)) {
    t.fail(`expected WrongExpectedRevisionError, got ${String(error)}`);
    return;
  }
  t.equal(error.stream, stream, 'error names the stream');
  t.equal(error.expected, expected, 'error carries the expected revision');
  t.equal(error.actual, actual, `error carries the actual revision ${String(actual)}`);
}

async function expectWrongRevision(
  t: Test,
  append: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): Promise<void> {
  const error = await append.then(
    () => new Error(`append with expected ${String(expected)} succeeded`),
    (e: unknown) => e,
  );
  assertWrongRevision(t, error, stream, expected, actual);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), Math.max(0, ms))));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(10);
  }
}

interface Receiver {
  readonly events: RecordedEvent[];
  readonly batches: RecordedEvent[][];
  /** Pulls batches until `done` holds; fails the test after `ms`. */
  until(done: (events: RecordedEvent[]) => boolean, ms?: number): Promise<void>;
  /** Pulls whatever arrives within `ms`. */
  drain(ms: number): Promise<void>;
}

/** Drives a subscription from the test, keeping a pending pull across timeouts so no batch is lost. */
function receive(t: Test, subscription: Subscription): Receiver {
  t.teardown(() => subscription.close());
  const iterator = subscription[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<RecordedEvent[]>> | undefined;
  const receiver: Receiver = {
    events: [],
    batches: [],
    async until(done, ms = 5_000) {
      const deadline = Date.now() + ms;
      while (!done(receiver.events)) {
        if (!(await pull(deadline - Date.now()))) {
          throw new Error(`subscription: condition not met within ${ms} ms (${receiver.events.length} events received)`);
        }
      }
    },
    async drain(ms) {
      const deadline = Date.now() + ms;
      while (await pull(deadline - Date.now()));
    },
  };
  /** One batch, or false when none came in time. */
  async function pull(ms: number): Promise<boolean> {
    pending ??= iterator.next();
    const result = await within(pending, ms);
    if (result === 'timed out') return false;
    pending = undefined;
    if (result.done) throw new Error('subscription ended unexpectedly');
    receiver.batches.push(result.value);
    receiver.events.push(...result.value);
    return true;
  }
  return receiver;
}
