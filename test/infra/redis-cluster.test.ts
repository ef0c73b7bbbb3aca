// The service on a real local Redis Cluster (3 masters, 3 replicas): the
// configuration, a journey through every family (sessions, rate limits, the
// product page script, orders, data), a replay's generation switch, and where
// the keys land (one model, one slot: the prefix is part of the hashed key but
// the hash tag decides the slot).
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import { ConfigError, loadConfig } from '../../src/config.js';
import { openRedisCounter } from '../../src/infra/ratelimit.js';
import { allProjections } from '../../projections/index.js';
import { replay } from '../../projections/replay.js';
import { slotOf } from '../../src/infra/readstore/partitioned.js';
import { build, tempDir } from '../support/app.js';
import { eventStoreFor, openedLog, readStoreFor } from '../support/stores.js';
import { compareWithReplay } from '../support/replay-check.js';
import { freeNodePort, hasRedisServer, NO_REDIS_SERVER, sharedRedisCluster } from '../support/redis-cluster.js';

t.test('REDIS_CLUSTER_NODES: parsed, exclusive with REDIS_URL, no braces in the prefix', async (t) => {
  const base = { NODE_ENV: 'test', DATA_DIR: tempDir(t) };
  const config = loadConfig({ ...base, REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002' });
  t.same(config.redisClusterNodes, [
    { host: '10.0.0.1', port: 7000 },
    { host: 'redis-b', port: 7001 },
    { host: '::1', port: 7002 },
  ]);
  t.equal(config.redisUrl, undefined);
  const both = (() => {
    try {
      loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    } catch (error) {
      return error;
    }
  })();
  t.type(both, ConfigError, 'both set stops the start');
  t.match(String((both as Error).message), /REDIS_CLUSTER_NODES.*REDIS_URL/, 'naming both');
  t.throws(() => loadConfig({ ...base, REDIS_CLUSTER_NODES: '127.0.0.1' }), /REDIS_CLUSTER_NODES: expects host:port/);
  t.throws(() => loadConfig({ ...base, REDIS_CLUSTER_NODES: '127.0.0.1:99999' }), /REDIS_CLUSTER_NODES/);
  t.throws(() => loadConfig({ ...base, REDIS_CLUSTER_NODES: ' , ' }), /REDIS_CLUSTER_NODES: lists no node/);
  t.throws(() => loadConfig({ ...base, REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_KEY_PREFIX: '{app}:' }), /REDIS_KEY_PREFIX/);
});

if (!hasRedisServer) {
  t.test('the service on a local Redis Cluster', { skip: NO_REDIS_SERVER }, () => {});
} else {
  t.test('a journey through every family on the cluster; every model in one slot; a replay switches generations', async (t) => {
    const cluster = await sharedRedisCluster();
    const prefix = `test:${randomUUID()}:`;
    const dataDir = tempDir(t);
    const eventStore = await eventStoreFor(t);
    const readStore = await readStoreFor(t, 'redis-cluster', prefix);
    const { app, config } = await build(t, {
      dataDir,
      eventStore,
      readStore,
      env: { REDIS_CLUSTER_NODES: cluster.env, REDIS_KEY_PREFIX: prefix, AUTH_RATE_LIMIT: '3' },
    });
    t.same(config.redisClusterNodes, cluster.nodes, 'the app is configured for the cluster');
    const json = (res: { body: string }) => JSON.parse(res.body);

    t.equal((await app.inject({ method: 'POST', url: '/register', payload: { username: 'walker', password: 'walker-password', email: 'w@example.com' } })).statusCode, 201);
    const login = await app.inject({ method: 'POST', url: '/login', payload: { username: 'walker', password: 'walker-password' } });
    t.equal(login.statusCode, 200, 'signed in (the session lives in the users model on the cluster)');
    const auth = { authorization: `Bearer ${json(login).access_token}` };

    const ids: number[] = [];
    for (const name of ['Lamp', 'Desk', 'Chair', 'Shelf']) {
      const created = await app.inject({ method: 'POST', url: '/products', headers: auth, payload: { name, description: `a ${name}` } });
      t.equal(created.statusCode, 201);
      ids.push(json(created).id);
    }
    const page = await app.inject({ method: 'GET', url: '/products?page=2&limit=2', headers: auth });
    t.equal(page.statusCode, 200, 'the page script runs on the cluster');
    t.equal(json(page).pagination.totalProducts, 4);
    t.equal(json(page).products.length, 2);
    const order = await app.inject({ method: 'POST', url: '/orders', headers: auth, payload: { items: [{ productId: ids[0], quantity: 2 }] } });
    t.equal(order.statusCode, 201);
    t.same(json(await app.inject({ method: 'GET', url: '/orders', headers: auth })).orders.map((o: { id: unknown }) => o.id), [json(order).id]);
    t.equal((await app.inject({ method: 'POST', url: '/api/data', headers: auth, payload: { key: 'theme', value: { dark: true } } })).statusCode, 201);
    t.same(json(await app.inject({ method: 'GET', url: '/api/data/theme', headers: auth })).data, { key: 'theme', value: { dark: true } });

    // Rate limits count on the cluster: the account's fourth sign-in attempt (the successful
    // one above included) is refused, each from its own address, so only the account's
    // counter can refuse it.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const attempt = await app.inject({ method: 'POST', url: '/login', remoteAddress: `10.9.0.${i + 1}`, payload: { username: 'walker', password: 'wrong-password' } });
      statuses.push(attempt.statusCode);
    }
    t.same(statuses, [401, 401, 429, 429], 'rate limited through the cluster counter');

    const logout = await app.inject({ method: 'GET', url: '/logout', headers: auth });
    t.equal(logout.statusCode, 200);
    t.equal((await app.inject({ method: 'GET', url: '/products', headers: auth })).statusCode, 401, 'the ended session is refused');

    // Where the keys are: every key of one model in one slot, the slot of its hash tag alone.
    const raw = await cluster.client();
    t.teardown(() => raw.quit());
    const byModel = new Map<string, Set<number>>();
    for (const node of raw.nodes('master')) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) {
          const model = /^[^{]*\{([^}]+)\}/.exec(key)?.[1];
          if (!model) continue;
          const slots = byModel.get(model) ?? new Set<number>();
          slots.add(Number(await raw.cluster('KEYSLOT', key)));
          byModel.set(model, slots);
        }
      } while (cursor !== '0');
    }
    for (const name of ['products', 'orders', 'data']) {
      const expected = Number(await raw.cluster('KEYSLOT', `{${name}}`));
      t.same([...(byModel.get(name) ?? [])], [expected], `{${name}}: every key in slot ${expected}`);
    }
    const userTags = [...byModel.keys()].filter((tag) => tag.startsWith('users~'));
    t.ok(userTags.length > 1, `the users model is spread over partitions (${userTags.join(', ')})`);
    for (const tag of userTags) {
      const expected = Number(await raw.cluster('KEYSLOT', `{${tag}}`));
      t.equal(slotOf(tag), expected, `our slot computation agrees with Redis for {${tag}}`);
      t.same([...byModel.get(tag)!], [expected], `{${tag}}: every key in slot ${expected}`);
    }

    // A replay builds new generations aside and switches each atomically (the script on the model's master).
    const before = await Promise.all(allProjections.map((p) => readStore.currentGeneration(p.name)));
    // The log as the service reads it (personal fields sealed under the accounts' keys).
    const opened = await openedLog(t, config, eventStore);
    const result = await replay({ eventStore: opened, readStore, projections: allProjections });
    for (const [i, p] of allProjections.entries()) {
      t.ok(result.generations[p.name]! > before[i]!, `${p.name} switched to generation ${result.generations[p.name]}`);
      t.equal(await readStore.currentGeneration(p.name), result.generations[p.name]);
    }
    for (const model of await compareWithReplay(opened, readStore)) {
      t.same(model.differences, [], `${model.model} (${model.keys} keys) equals a fresh replay`);
    }
    const again = await app.inject({ method: 'POST', url: '/login', remoteAddress: '10.9.0.99', payload: { username: 'walker', password: 'walker-password' } });
    t.equal(again.statusCode, 429, 'the account stays limited within its window');
  });

  t.test('a switch announced on one connection reaches another (pub/sub across the cluster)', async (t) => {
    const cluster = await sharedRedisCluster();
    const prefix = `test:${randomUUID()}:`;
    const a = await readStoreFor(t, 'redis-cluster', prefix);
    const b = await readStoreFor(t, 'redis-cluster', prefix);
    t.equal(await b.currentGeneration('m'), 1, 'b caches generation 1');
    const next = await a.newGeneration('m');
    t.equal(await a.switchGeneration('m', 1, next), true);
    const deadline = Date.now() + 5000;
    while ((await b.currentGeneration('m')) !== next && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    t.equal(await b.currentGeneration('m'), next, 'b dropped its cached generation on the message');
    t.ok(cluster.nodes.length === 6);
  });

  t.test('the rate-limit counter on the cluster is shared by every instance', async (t) => {
    const cluster = await sharedRedisCluster();
    const prefix = `test:${randomUUID()}:`;
    const a = await openRedisCounter({ clusterNodes: cluster.nodes }, prefix);
    const b = await openRedisCounter({ clusterNodes: cluster.nodes }, prefix);
    t.teardown(async () => {
      await a.close();
      await b.close();
    });
    t.equal((await a.hit('k')).count, 1);
    t.equal((await b.hit('k')).count, 2);
    t.equal((await b.hit('other')).count, 1);
  });

  t.test('a cluster in transition (CLUSTERDOWN) is unavailable (503), not a bug (500)', async (t) => {
    // A cluster-enabled node that serves no slot answers every key command CLUSTERDOWN, as a
    // cluster does while a master is being replaced.
    const { spawn } = await import('node:child_process');
    const { openRedisReadStore } = await import('../../src/infra/readstore/redis.js');
    const { ReadStoreUnavailableError } = await import('../../src/infra/readstore/types.js');
    const port = await freeNodePort();
    const dir = tempDir(t, 'lonely');
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes', '--save', ''], { stdio: 'ignore' });
    t.teardown(() => child.kill('SIGKILL'));
    let store;
    for (let i = 0; i < 100 && !store; i++) {
      store = await openRedisReadStore({ url: `redis://127.0.0.1:${port}`, prefix: 'x:' }).catch(() => undefined);
      if (!store) await new Promise((r) => setTimeout(r, 30));
    }
    t.ok(store, 'connected');
    t.teardown(() => store!.close());
    const error = await store!.get('m', 'k').catch((e: unknown) => e);
    t.type(error, ReadStoreUnavailableError);
    t.match(String((error as Error).message), /CLUSTERDOWN/);
  });

  t.test('a cluster that cannot be reached is ReadStoreUnavailableError at open', async (t) => {
    const { openRedisReadStore } = await import('../../src/infra/readstore/redis.js');
    const { ReadStoreUnavailableError } = await import('../../src/infra/readstore/types.js');
    const error = await openRedisReadStore({ clusterNodes: [{ host: '127.0.0.1', port: 1 }], prefix: 'x:' }).catch((e: unknown) => e);
    t.type(error, ReadStoreUnavailableError);
    t.match(String((error as Error).message), /cluster 127\.0\.0\.1:1/);
    t.notOk(Cluster === undefined);
  });
}
