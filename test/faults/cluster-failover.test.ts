// Scaled out, then broken: two API instances (PROJECTIONS=off) and one
// projector over a local Redis Cluster (3 masters, 3 replicas) and a
// three-node EventStoreDB emulator cluster. Under write load through both
// instances, a Redis master holding users-model partitions (sessions) is killed
// and its replica takes over; then the EventStoreDB leader stops and another
// is elected. Every request is answered (2xx or a clean 503, never a 500),
// nothing acknowledged is lost, projections resume from their checkpoints and
// the read models equal a fresh replay of the log.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { CLUSTER_PARTITIONS, openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { partitionNames, slotOf } from '../../src/infra/readstore/partitioned.js';
import { tempDir } from '../support/app.js';
import { startEmulatorCluster } from '../support/esdb-cluster.js';
import { emptyAcknowledged, missingWrites, writeLoad } from '../support/load.js';
import { hasRedisServer, NO_REDIS_SERVER, privateRedisCluster } from '../support/redis-cluster.js';
import { openLogAs } from '../support/faults.js';
import { expectEqualToReplay } from '../support/replay-check.js';
import { postJson, startServer } from '../support/server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Nine processes (six Redis, two APIs, a projector) on a shared machine: more than tap's 120 s may pass.
t.setTimeout(300_000);

if (!hasRedisServer) {
  t.test('failover on a Redis Cluster and an EventStoreDB cluster', { skip: NO_REDIS_SERVER }, () => {});
} else {
  t.test('two instances and a projector ride out a Redis master kill and an EventStoreDB leader change', async (t) => {
    const redis = await privateRedisCluster();
    const esdb = await startEmulatorCluster({ batchAppend: true });
    t.teardown(() => esdb.stop());
    const prefix = `test:${randomUUID()}:`;
    const shared = {
      EVENTSTORE_URL: esdb.url,
      REDIS_CLUSTER_NODES: redis.env,
      REDIS_KEY_PREFIX: prefix,
      JWT_SECRET: randomUUID() + randomUUID(),
      OTP_SECRET: randomUUID() + randomUUID(),
      DATA_KEY_SECRET: randomUUID() + randomUUID(),
    };
    const projector = await startServer(t, { ...shared, DATA_DIR: tempDir(t) }, 'src/tools/projector.ts');
    const servers = await Promise.all([
      startServer(t, { ...shared, DATA_DIR: tempDir(t), PROJECTIONS: 'off' }),
      startServer(t, { ...shared, DATA_DIR: tempDir(t), PROJECTIONS: 'off' }),
    ]);
    const via = (i: number) => servers[i % 2]!.url;

    // A journey through both instances: registered on one, signed in on the other.
    t.equal((await postJson(`${via(0)}/register`, { username: 'owner', password: 'password1' })).status, 201);
    const login = await postJson(`${via(1)}/login`, { username: 'owner', password: 'password1' });
    t.equal(login.status, 200, 'a user registered through one instance signs in through the other');
    const token = login.body.access_token as string;
    const auth = { authorization: `Bearer ${token}` };
    const product = await postJson(`${via(0)}/products`, { name: 'Lamp', description: 'brass' }, auth);
    t.equal(product.status, 201);
    const seen = await fetch(`${via(1)}/products/${product.body.id}`, { headers: auth });
    t.equal(seen.status, 200, 'a product created through one instance reads back through the other');
    const order = await postJson(`${via(1)}/orders`, { items: [{ productId: product.body.id, quantity: 1 }] }, auth);
    t.equal(order.status, 201, 'ordered through the second instance');
    t.equal((await postJson(`${via(0)}/api/data`, { key: 'k', value: { v: 1 } }, auth)).status, 201);

    const stop = new AbortController();
    let turn = 0;
    const statusesLive = emptyAcknowledged();
    const load = {
      statuses: statusesLive.statuses,
      done: writeLoad(
        { baseUrl: () => via(turn++), token, workers: 6, tag: 'failover', stop: stop.signal, giveUpAfter: 1_000_000 },
        statusesLive,
      ),
    };
    // Phases end on progress, not on the clock (the machine may be slow): this many more 201s.
    const acks = () => statusesLive.users.length + statusesLive.products.length + statusesLive.data.length;
    const moreAcknowledged = async (n: number) => {
      const target = acks() + n;
      const deadline = Date.now() + 60_000;
      while (acks() < target && Date.now() < deadline) await sleep(20);
      return acks() >= target;
    };
    t.ok(await moreAcknowledged(10), 'writes flow through both instances');

    // Kill a master holding users partitions: sessions checked there must come from its replica.
    const usersSlot = slotOf(partitionNames('users', CLUSTER_PARTITIONS['users']!)[0]!);
    const victim = await redis.masterOf(usersSlot);
    const snapshot = () => ({ ...load.statuses });
    const beforeRedis = snapshot();
    const killedAt = Date.now();
    await victim.kill();
    let promoted = false;
    while (!promoted && Date.now() - killedAt < 20_000) {
      await sleep(100);
      promoted = await redis.masterOf(usersSlot).then((m) => m !== victim, () => false);
    }
    t.ok(promoted, `a replica took over slot ${usersSlot} (users partition 0) after ${Date.now() - killedAt} ms`);
    await redis.waitHealthy();
    t.ok(await moreAcknowledged(5), 'writes flow again after the Redis failover');

    // Then the EventStoreDB leader goes.
    const beforeEsdb = snapshot();
    const leader = esdb.leaderIndex();
    await esdb.stopNode(leader);
    t.not(esdb.leaderIndex(), leader, 'another node leads');
    t.ok(await moreAcknowledged(5), 'writes flow again on the new EventStoreDB leader');
    const afterEsdb = snapshot();
    await victim.start(); // the old master comes back as a replica
    await esdb.startNode(leader);
    await sleep(300);
    stop.abort();
    const acked = await load.done;
    const phase = (from: Record<number, number>, to: Record<number, number>) => {
      const answered = Object.keys(to).reduce((n, k) => n + (to[Number(k)]! - (from[Number(k)] ?? 0)), 0);
      return `${answered} answered, ${(to[503] ?? 0) - (from[503] ?? 0)} of them 503, ${(to[500] ?? 0) - (from[500] ?? 0)} 500`;
    };
    t.comment(`Redis master kill (until the cluster was healthy + 5 more writes): ${phase(beforeRedis, beforeEsdb)}`);
    t.comment(`EventStoreDB leader stop (+ 5 more writes): ${phase(beforeEsdb, afterEsdb)}`);

    const statuses = acked.statuses;
    const total = Object.values(statuses).reduce((a, b) => a + b, 0);
    const acknowledged = acked.users.length + acked.products.length + acked.data.length;
    t.comment(`failover: ${total} requests answered, ${statuses[503] ?? 0} answered 503, ${acknowledged} acknowledged; statuses ${JSON.stringify(statuses)}`);
    t.notOk(statuses[500], 'no 500');
    t.notOk(statuses[0], 'every request was answered');
    t.same(Object.keys(statuses).filter((s) => !['200', '201', '503'].includes(s)), [], 'only 2xx and clean 503s');
    t.ok(acknowledged >= 20, `${acknowledged} writes acknowledged through both instances`);

    for (const server of servers) {
      t.same(await missingWrites(server.url, token, acked), [], `every acknowledged write is there (${server.url}): 0 lost`);
    }
    for (const server of [...servers, projector]) t.equal(await server.stop('SIGTERM'), 0, 'graceful stop');

    // The log as the service reads it: sealed personal fields opened with the accounts' keys (key streams on the cluster).
    const eventStore = await openLogAs({ ...shared, DATA_DIR: tempDir(t) });
    const readStore = await openRedisReadStore({ clusterNodes: redis.nodes, prefix });
    await expectEqualToReplay(t, eventStore, readStore);
  });
}
