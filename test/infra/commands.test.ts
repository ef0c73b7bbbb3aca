// Command handling against the real embedded store: commands on one stream in
// one process take turns in arrival order (none collide, none is lost); racing
// writers in other processes re-decide on fresh state, and give up after the bound.
import t, { type Test } from 'tap';
import { handle, type Decider } from '../../src/infra/commands.js';
import { ConcurrencyError, DomainError } from '../../src/infra/errors.js';
import { openEventStoreDb } from '../../src/infra/eventstore/esdb.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { startEmulator } from '../support/esdb-emulator.js';
import { eventStoreFor } from '../support/stores.js';

/** Two clients of one EventStoreDB (the emulator): each has its own queues, as two service processes do. */
async function twoProcesses(t: Test): Promise<[EventStore, EventStore]> {
  const emulator = await startEmulator({ batchAppend: true });
  const a = openEventStoreDb(emulator.url);
  const b = openEventStoreDb(emulator.url);
  t.teardown(async () => {
    await a.close();
    await b.close();
    await emulator.stop();
  });
  return [a, b];
}

type Added = { type: 'Added'; data: { amount: number; total: number } };
type Add = { type: 'Add'; data: { amount: number; limit: number } };

const tally: Decider<{ total: number }, Add, Added> = {
  initialState: () => ({ total: 0 }),
  evolve: (s, e) => ({ total: e.data.total }),
  decide(cmd, s) {
    if (s.total + cmd.data.amount > cmd.data.limit) throw new DomainError('OverLimit');
    return [{ type: 'Added', data: { amount: cmd.data.amount, total: s.total + cmd.data.amount } }];
  },
};

t.test('50 racing commands on one stream: every one re-decides, no lost update', async (t) => {
  const store = await eventStoreFor(t);
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      handle(store, 'tally-1', tally, { type: 'Add', data: { amount: 1, limit: 1000 } }, { attempts: 200 }),
    ),
  );
  t.equal(results.length, 50);
  const events = await store.readStream('tally-1');
  t.equal(events.length, 50);
  t.same(
    events.map((e) => e.data.total),
    Array.from({ length: 50 }, (_, i) => i + 1),
    'each decision saw the one before it',
  );
});

t.test('the decider still refuses on fresh state after a retry', async (t) => {
  const store = await eventStoreFor(t);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, () => handle(store, 'tally-2', tally, { type: 'Add', data: { amount: 1, limit: 3 } }, { attempts: 50 })),
  );
  t.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 3, 'exactly up to the limit');
  t.ok(
    outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason.code === 'OverLimit'),
    'the rest refused by the domain',
  );
});

t.test('bounded retries: a command that keeps losing to another process fails with ConcurrencyError, and wrote nothing', async (t) => {
  // Commands in one process take turns; a conflict needs a writer elsewhere: two clients of one EventStoreDB.
  const [store, other] = await twoProcesses(t);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      handle(i % 2 ? other : store, 'tally-3', tally, { type: 'Add', data: { amount: 1, limit: 1000 } }, { attempts: 1 }),
    ),
  );
  const won = outcomes.filter((o) => o.status === 'fulfilled').length;
  const lost = outcomes.filter((o) => o.status === 'rejected');
  t.ok(won >= 1, `${won} won`);
  t.ok(lost.length >= 1, `${lost.length} lost`);
  t.ok(lost.every((o) => (o as PromiseRejectedResult).reason instanceof ConcurrencyError));
  t.equal((await store.readStream('tally-3')).length, won, 'only the winners are in the log');
});

t.test('a decider that decides nothing appends nothing', async (t) => {
  const store = await eventStoreFor(t);
  const noop: Decider<null, null, Added> = { initialState: () => null, evolve: (s) => s, decide: () => [] };
  const r = await handle(store, 'quiet', noop, null);
  t.same(r.events, []);
  t.equal(r.position, null);
  t.same(await store.readStream('quiet'), []);
});

t.test('a stream folded before is read from its new events only; other writers\' events are folded on top', async (t) => {
  const dir = t.testdir();
  const store = await eventStoreFor(t, dir);
  const reads: (bigint | undefined)[] = [];
  // The same store, recording where each stream read started.
  const watched = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'readStream') return Reflect.get(target, property, receiver);
      return (stream: string, options?: { fromRevision?: bigint }) => {
        reads.push(options?.fromRevision);
        return target.readStream(stream, options);
      };
    },
  });
  const add = (amount: number) => ({ type: 'Add' as const, data: { amount, limit: 1000 } });
  for (let i = 1; i <= 5; i += 1) await handle(watched, 'tally-cached', tally, add(1));
  t.same(
    reads,
    [undefined, undefined, 1n, 2n, 3n],
    'the stream is read whole until a fold found it (the first found it empty), then from the revision after the last fold',
  );

  // Another process (another store over the same file) appends: the next fold reads and folds its events too.
  const other = await eventStoreFor(t, dir);
  await handle(other, 'tally-cached', tally, add(10));
  await handle(other, 'tally-cached', tally, add(10));
  reads.length = 0;
  const done = await handle(watched, 'tally-cached', tally, add(1));
  t.equal(done.state.total, 26, 'decided on 5 + 20 from the other writer');
  t.same(reads, [4n], 'from the revision after the last fold: its own append and the other writer\'s two');
  t.same((await store.readStream('tally-cached')).map((e) => e.data.total), [1, 2, 3, 4, 5, 15, 25, 26]);
});

type Noted = { type: 'Noted'; data: { n: number; count: number } };
type Note = { type: 'Note'; data: { n: number } };
const notes: Decider<{ count: number }, Note, Noted> = {
  initialState: () => ({ count: 0 }),
  evolve: (s, e) => ({ count: e.data.count }),
  decide: (cmd, s) => [{ type: 'Noted', data: { n: cmd.data.n, count: s.count + 1 } }],
};

t.test('one process, one stream: 50 commands at once take turns in arrival order, without a single retry', async (t) => {
  const store = await eventStoreFor(t);
  // attempts: 1 — a collision between them would fail a command with ConcurrencyError.
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, n) => handle(store, 'notes-1', notes, { type: 'Note', data: { n } }, { attempts: 1 })),
  );
  const events = await store.readStream('notes-1');
  t.same(events.map((e) => e.data.n), Array.from({ length: 50 }, (_, n) => n), 'in the log in the order they were handed in');
  t.same(events.map((e) => e.data.count), Array.from({ length: 50 }, (_, n) => n + 1), 'each decided on the state the one before left');
  t.same(results.map((r) => r.state.count), Array.from({ length: 50 }, (_, n) => n + 1), 'each answered with its own resulting state');
  t.same(results.map((r) => r.events[0]!.data.n), Array.from({ length: 50 }, (_, n) => n), 'each answered with its own events');
  const logged = new Set(events.map((e) => `${e.position.commit}/${e.position.prepare}`));
  const answered = results.map((r) => `${r.position?.commit}/${r.position?.prepare}`);
  t.ok(answered.every((p) => logged.has(p)), 'every answer carries the position of an event in the log');
  const appends = new Set(answered).size;
  t.ok(appends > 1 && appends < 50, `commands that waited were appended together (${appends} appends for 50 commands)`);
});

t.test('a refusal within a turn refuses that command only; the others are appended', async (t) => {
  const store = await eventStoreFor(t);
  const outcomes = await Promise.allSettled(
    [1, 5, 1, 5, 1].map((amount) => handle(store, 'tally-mixed', tally, { type: 'Add', data: { amount, limit: 4 } }, { attempts: 1 })),
  );
  t.same(
    outcomes.map((o) => (o.status === 'fulfilled' ? o.value.state.total : (o.reason as DomainError).code)),
    [1, 'OverLimit', 2, 'OverLimit', 3],
    'refused on the state the earlier commands left, in order',
  );
  t.same((await store.readStream('tally-mixed')).map((e) => e.data.total), [1, 2, 3]);
});

t.test('two processes on one hot stream: within the default bound every command lands, none twice', async (t) => {
  const [a, b] = await twoProcesses(t);
  const results = await Promise.all(
    Array.from({ length: 60 }, (_, n) => handle(n % 2 ? b : a, 'notes-2', notes, { type: 'Note', data: { n } })),
  );
  t.equal(results.length, 60);
  const events = (await a.readStream('notes-2')).map((e) => e.data as Noted['data']);
  t.same(events.map((e) => e.n).sort((x, y) => x - y), Array.from({ length: 60 }, (_, n) => n), 'each command once');
  t.same(events.map((e) => e.count), Array.from({ length: 60 }, (_, n) => n + 1), 'no decision on stale state');
  for (const p of [a, b]) {
    const mine = events.filter((e) => e.n % 2 === (p === a ? 0 : 1)).map((e) => e.n);
    t.same(mine, [...mine].sort((x, y) => x - y), 'each process kept its own commands in order');
  }
});
