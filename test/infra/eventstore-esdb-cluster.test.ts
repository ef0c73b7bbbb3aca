// The EventStoreDB adapter against a three-node emulator cluster, connected by
// discovery (esdb://n1,n2,n3?tls=false&nodePreference=leader): the shared
// contract, followers refusing writes with not-leader, and leader changes under
// write load with a projection runner tailing the log.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import type { Test } from 'tap';
import pino from 'pino';
import { EventStoreDBClient, NotLeaderError, jsonEvent } from '@eventstore/db-client';
import { openEventStoreDb } from '../../src/infra/eventstore/esdb.js';
import { EventStoreUnavailableError, type NewEvent } from '../../src/infra/eventstore/types.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { ProjectionRunner } from '../../projections/runner.js';
import type { Projection } from '../../projections/types.js';
import { loadConfig } from '../../src/config.js';
import { startEmulatorCluster, type EmulatorCluster } from '../support/esdb-cluster.js';
import { eventStoreContract } from './eventstore-contract.js';

const log = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const newEvent = (n = 0): NewEvent => ({ id: randomUUID(), type: 'Tick', data: { n } });

async function clusterFor(t: Test, batchAppend = true): Promise<EmulatorCluster> {
  const cluster = await startEmulatorCluster({ batchAppend });
  t.teardown(() => cluster.stop());
  return cluster;
}

t.test('the contract holds on a three-node cluster through discovery', async (t) => {
  eventStoreContract(t, async () => {
    const cluster = await startEmulatorCluster({ batchAppend: true });
    const store = openEventStoreDb(cluster.url);
    return {
      store,
      async cleanup() {
        await store.close();
        await cluster.stop();
      },
    };
  });
});

t.test('EVENTSTORE_URL accepts a multi-host discovery string and refuses a broken one', async (t) => {
  const url = 'esdb://127.0.0.1:2113,127.0.0.1:2114,127.0.0.1:2115?tls=false&nodePreference=leader';
  t.equal(loadConfig({ EVENTSTORE_URL: url, NODE_ENV: 'test' }).eventStoreUrl, url);
  t.throws(() => loadConfig({ EVENTSTORE_URL: 'esdb://127.0.0.1:2113,,x y?tls=false', NODE_ENV: 'test' }), /EVENTSTORE_URL/);
  t.throws(() => loadConfig({ EVENTSTORE_URL: 'http://127.0.0.1:2113', NODE_ENV: 'test' }), /EVENTSTORE_URL/);
});

for (const batchAppend of [false, true]) {
  t.test(`a follower answers a write with not-leader; the adapter follows it (${batchAppend ? 'BatchAppend' : 'Append'})`, async (t) => {
    const cluster = await clusterFor(t, batchAppend);
    const follower = cluster.nodeUrl(1);
    const raw = EventStoreDBClient.connectionString(follower);
    t.teardown(() => raw.dispose());
    const refused = await raw.appendToStream(`raw-${randomUUID()}`, jsonEvent({ type: 'Tick', data: {} })).catch((e: unknown) => e);
    t.type(refused, NotLeaderError, 'the raw client sees NotLeaderError');
    t.strictSame((refused as NotLeaderError).leader, { address: '127.0.0.1', port: cluster.ports[0] }, 'naming the leader');

    const store = openEventStoreDb(follower);
    t.teardown(() => store.close());
    const stream = `follow-${randomUUID()}`;
    const event = newEvent();
    const result = await store.append(stream, [event], 'no_stream');
    t.equal(result.nextExpectedRevision, 0n, 'the append went through on the leader');
    t.strictSame((await store.readStream(stream)).map((e) => e.id), [event.id], 'written once');
  });
}

t.test('gossip picks the new leader after the old one stops; a stopped node comes back as a follower', async (t) => {
  const cluster = await clusterFor(t);
  const store = openEventStoreDb(cluster.url);
  t.teardown(() => store.close());
  const stream = `gossip-${randomUUID()}`;
  await store.append(stream, [newEvent()], 'no_stream');
  t.equal(cluster.leaderIndex(), 0);
  await cluster.stopNode(0);
  t.equal(cluster.leaderIndex(), 1, 'node 1 was elected');
  const second = await store.append(stream, [newEvent()], 0n);
  t.equal(second.nextExpectedRevision, 1n, 'the next append reached the new leader');
  await cluster.startNode(0);
  t.equal(cluster.leaderIndex(), 1, 'the old leader rejoined as a follower');
  await cluster.stopNode(1);
  await cluster.stopNode(2);
  t.equal(cluster.leaderIndex(), 0, 'the last node standing leads');
  t.equal((await store.append(stream, [newEvent()], 1n)).nextExpectedRevision, 2n);
  t.equal((await store.readStream(stream)).length, 3, 'every acknowledged event is there');
  await cluster.stopNode(0);
  await t.rejects(store.append(stream, [newEvent()], 2n), EventStoreUnavailableError, 'no node left: a clean unavailable');
});

t.test('a retry after a lost acknowledgement does not duplicate', async (t) => {
  const cluster = await clusterFor(t);
  const store = openEventStoreDb(cluster.url);
  t.teardown(() => store.close());
  const stream = `lost-ack-${randomUUID()}`;
  await store.append(stream, [newEvent()], 'no_stream');
  const event = newEvent(1);
  cluster.loseNextAck();
  // The leader commits, dies before answering; the adapter retries the same ids on the new leader.
  const result = await store.append(stream, [event], 0n);
  t.equal(cluster.leaderIndex(), 1, 'the leader changed while the append was in flight');
  t.equal(result.nextExpectedRevision, 1n, 'the retry was answered with the original revision');
  const events = await store.readStream(stream);
  t.strictSame(events.map((e) => e.id).filter((id) => id === event.id), [event.id], 'the event is in the log once');
  t.strictSame(result.position, events[1]!.position, 'at the position first written');
  // A caller-level retry (e.g. after a 503) with the same ids is equally harmless.
  const again = await store.append(stream, [event], 0n);
  t.equal(again.nextExpectedRevision, 1n);
  t.equal((await store.readStream(stream)).length, 2, 'still two events');
});

/** Counts applications per event: a double apply or a skip shows. */
const counter: Projection = {
  name: 'counter',
  handles: new Set(['Tick']),
  apply: (e) => [
    { op: 'hincrby', key: 'applied', field: 'total', by: 1 },
    { op: 'hincrby', key: 'applied', field: String(e.data.id), by: 1 },
  ],
};

t.test('leader changes under write load: nothing acknowledged is lost, nothing doubled, the runner resumes', async (t) => {
  const cluster = await clusterFor(t);
  const store = openEventStoreDb(cluster.url);
  const readStore = createMemoryReadStore();
  const runner = new ProjectionRunner({ eventStore: store, readStore, projections: [counter], log, chunkSize: 20 });
  t.teardown(async () => {
    await runner.stop();
    await store.close();
    await readStore.close();
  });
  await runner.start();

  const acknowledged = new Map<string, string>(); // event id -> stream
  let cleanFailures = 0;
  let otherFailures = 0;
  let writing = true;
  const writer = async (w: number) => {
    const stream = `load-${w}-${randomUUID()}`;
    let revision: bigint | 'no_stream' = 'no_stream';
    let n = 0;
    while (writing) {
      const id = randomUUID();
      const event: NewEvent = { id, type: 'Tick', data: { id, n: n++ } };
      // Like a command handler answering 503, the caller retries the same event: same id, same revision.
      for (;;) {
        try {
          const result = await store.append(stream, [event], revision);
          revision = result.nextExpectedRevision;
          acknowledged.set(id, stream);
          break;
        } catch (error) {
          if (error instanceof EventStoreUnavailableError) cleanFailures += 1;
          else otherFailures += 1;
          if (!(error instanceof EventStoreUnavailableError)) throw error;
          await sleep(50);
        }
      }
    }
  };
  const writers = Array.from({ length: 6 }, (_, w) => writer(w));
  // Each phase lasts until 20 more appends were acknowledged (no clock: the machine may be slow).
  const moreAcknowledged = async (n: number) => {
    const target = acknowledged.size + n;
    const deadline = Date.now() + 30_000;
    while (acknowledged.size < target && Date.now() < deadline) await sleep(5);
    return acknowledged.size >= target;
  };

  t.ok(await moreAcknowledged(20), 'appends flow on the first leader');
  await cluster.stopNode(0); // the leader
  t.ok(await moreAcknowledged(20), 'and on the second, elected when the first stopped');
  await cluster.startNode(0);
  await cluster.stopNode(1); // the second leader
  t.ok(await moreAcknowledged(20), 'and on the third');
  writing = false;
  await Promise.all(writers);
  t.equal(otherFailures, 0, 'every failure was a clean EventStoreUnavailableError');
  t.comment(`${acknowledged.size} appends acknowledged across two leader changes; ${cleanFailures} clean failures reached the caller and were retried`);

  // Every acknowledged event is in the log exactly once.
  const counts = new Map<string, number>();
  for await (const e of store.readAll()) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  const lost = [...acknowledged.keys()].filter((id) => !counts.has(id));
  t.strictSame(lost, [], 'no acknowledged event lost');
  t.strictSame([...counts.values()].filter((c) => c !== 1), [], 'no event written twice');

  const head = await store.headPosition();
  t.equal(await runner.waitFor(head!, 10_000), true, 'the runner resumed on the new leader and caught up');
  const applied = (await readStore.hgetall('counter', 'applied')) ?? {};
  t.equal(applied['total'], String(counts.size), 'the projection applied every event');
  t.strictSame(Object.entries(applied).filter(([k, v]) => k !== 'total' && v !== '1'), [], 'each exactly once');
});
