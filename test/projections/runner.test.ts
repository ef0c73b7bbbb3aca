// The projection runner against real stores (embedded log; both read stores):
// catch-up, live tail, read-your-writes, restarts and two runners on one
// model never apply an event twice nor skip one.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Test } from 'tap';
import { ProjectionRunner } from '../../projections/runner.js';
import type { Projection } from '../../projections/types.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { READ_MODELS } from '../support/app.js';
import { eventStoreFor, readStoreFor, storeKinds } from '../support/stores.js';

const log = pino({ level: 'silent' });

/** Counts every application of every Tick: a double apply or a skip shows in the numbers. */
const counter: Projection = {
  name: 'counter',
  handles: new Set(['Tick']),
  apply: (e) => [
    { op: 'hincrby', key: 'applied', field: 'total', by: 1 },
    { op: 'hincrby', key: 'applied', field: String(e.data.n), by: 1 },
    { op: 'zadd', key: 'order', score: Number(e.data.n), member: String(e.data.n) },
  ],
};
/** Handles nothing the tests write: its checkpoint moves only through idle progress. */
const bystander: Projection = { name: 'bystander', handles: new Set(['Never']), apply: () => [] };

const tick = (n: number) => ({ id: randomUUID(), type: 'Tick', data: { n } });
const other = () => ({ id: randomUUID(), type: 'Other', data: {} });

async function appendTicks(store: EventStore, from: number, count: number) {
  let last;
  for (let n = from; n < from + count; n += 1) {
    last = await store.append(`tick-${n % 7}`, [tick(n), other()], 'any');
  }
  return last!;
}

function expectExactlyOnce(t: Test, applied: Record<string, string> | null, count: number) {
  t.equal(applied?.total, String(count), `${count} applications in all`);
  const twice = Object.entries(applied ?? {}).filter(([k, v]) => k !== 'total' && v !== '1');
  t.same(twice, [], 'no event applied twice');
}

for (const kind of storeKinds(t)) {
  t.test(`runner on ${kind}`, async (t) => {
    t.test('catches up, tails live events, and read-your-writes waits', async (t) => {
      const eventStore = await eventStoreFor(t);
      const readStore = await readStoreFor(t, kind);
      await appendTicks(eventStore, 0, 30);
      const runner = new ProjectionRunner({ eventStore, readStore, projections: [counter, bystander], log, chunkSize: 7 });
      t.teardown(() => runner.stop());
      await runner.start();
      t.ok(runner.isCaughtUp);
      expectExactlyOnce(t, await readStore.hgetall('counter', 'applied'), 30);

      const last = await appendTicks(eventStore, 30, 5);
      t.equal(await runner.waitFor(last.position, 5000), true, 'waitFor resolves once applied');
      expectExactlyOnce(t, await readStore.hgetall('counter', 'applied'), 35);
      t.same((await readStore.zrange('counter', 'order', -1, -1))[0], '34');
    });

    t.test('a restarted runner continues from its checkpoint', async (t) => {
      const eventStore = await eventStoreFor(t);
      const readStore = await readStoreFor(t, kind);
      await appendTicks(eventStore, 0, 20);
      const first = new ProjectionRunner({ eventStore, readStore, projections: [counter, bystander], log, idleCheckpointMs: 10 });
      await first.start();
      await new Promise((r) => setTimeout(r, 50)); // let idle progress record the bystander's position
      await first.stop();
      t.not(await readStore.checkpoint('bystander', 1), '', 'a projection that saw only foreign events recorded its progress');

      await appendTicks(eventStore, 20, 10);
      const second = new ProjectionRunner({ eventStore, readStore, projections: [counter, bystander], log });
      t.teardown(() => second.stop());
      await second.start();
      expectExactlyOnce(t, await readStore.hgetall('counter', 'applied'), 30);
    });

    t.test('waitFor gives up after its bound', async (t) => {
      const eventStore = await eventStoreFor(t);
      const readStore = await readStoreFor(t, kind);
      const runner = new ProjectionRunner({ eventStore, readStore, projections: [counter], log });
      t.teardown(() => runner.stop());
      await runner.start();
      t.equal(await runner.waitFor({ commit: 10n ** 12n, prepare: 10n ** 12n }, 30), false);
    });
  });
}

t.test('two runners sharing one Redis model apply every event exactly once', async (t) => {
  const eventStore = await eventStoreFor(t);
  const prefix = `test:${randomUUID()}:`;
  const a = await readStoreFor(t, 'redis', prefix);
  const b = await readStoreFor(t, 'redis', prefix);
  await appendTicks(eventStore, 0, 50);
  const one = new ProjectionRunner({ eventStore, readStore: a, projections: [counter], log, chunkSize: 3 });
  const two = new ProjectionRunner({ eventStore, readStore: b, projections: [counter], log, chunkSize: 5 });
  t.teardown(() => Promise.all([one.stop(), two.stop()]));
  await Promise.all([one.start(), two.start()]);
  // Live writes while both run.
  const writes = await Promise.all(Array.from({ length: 40 }, (_, i) => eventStore.append(`live-${i}`, [tick(50 + i)], 'any')));
  const last = writes.map((w) => w.position).sort((x, y) => (x.commit < y.commit ? -1 : 1)).at(-1)!;
  t.equal(await one.waitFor(last, 5000), true);
  t.equal(await two.waitFor(last, 5000), true);
  expectExactlyOnce(t, await a.hgetall('counter', 'applied'), 90);
});
