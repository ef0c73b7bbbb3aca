// The products, orders and data read models: rebuilt from the log they come
// out the same, in process and in Redis; and a product page reads only its own
// products, never the whole catalogue.
import t, { type Test } from 'tap';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { build, REDIS_URL, tempDir } from '../support/app.js';
import { deletePrefix } from '../support/redis-cleanup.js';
import { signedInUser } from '../support/signed-in-user.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import type { ReadModelStore } from '../../src/infra/readstore/types.js';
import { PRODUCTS } from '../../src/products/read-model.js';
import { ORDERS } from '../../src/orders/read-model.js';
import { DATA, dataKeys } from '../../src/data/read-model.js';

const MODELS = [PRODUCTS, ORDERS, DATA];

async function workload(app: FastifyInstance): Promise<void> {
  const alice = await signedInUser(app, 'alice');
  const bob = await signedInUser(app, 'bob');
  const call = async (method: 'POST' | 'PUT' | 'DELETE', url: string, headers: object, payload?: object) => {
    const res = await app.inject({ method, url, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  for (let i = 1; i <= 6; i += 1) await call('POST', '/products', alice.auth, { name: `Thing ${i}`, description: `#${i}` });
  await call('PUT', '/products/2', alice.auth, { name: 'Thing 2b', description: 'changed' });
  await call('DELETE', '/products/3', alice.auth);
  const first = await call('POST', '/orders', bob.auth, { items: [{ productId: 1, quantity: 2 }, { productId: 2, quantity: 1 }] });
  await call('POST', '/orders', bob.auth, { items: [{ productId: 4, quantity: 5 }] });
  await call('POST', '/orders', alice.auth, { items: [{ productId: 5, quantity: 1 }] });
  await call('POST', `/orders/${first.id}/cancel`, bob.auth);
  await call('POST', '/api/data', alice.auth, { key: 'prefs', value: { theme: 'dark' } });
  await call('PUT', '/api/data/prefs', alice.auth, { value: { theme: 'light' } });
  await call('POST', '/api/data', bob.auth, { key: 'prefs', value: [1, 2, 3] });
  await call('POST', '/api/data', bob.auth, { key: 'gone', value: 'x' });
  await call('DELETE', '/api/data/gone', bob.auth);
}

async function dumps(store: ReadModelStore): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const model of MODELS) out[model] = await store.dump(model);
  return out;
}

async function redisStore(t: Test): Promise<ReadModelStore> {
  const prefix = `test:${randomUUID()}:`;
  const store = await openRedisReadStore({ url: REDIS_URL, prefix });
  t.teardown(async () => {
    await store.close();
    // Every model under the prefix (the users model too, which this test does not compare).
    await deletePrefix(REDIS_URL, prefix);
  });
  return store;
}

t.test('rebuilt from the log, in process and in Redis, the read models are the same', async (t) => {
  const dataDir = tempDir(t);
  const live = createMemoryReadStore();
  const first = await build(t, { dataDir, readStore: live });
  await workload(first.app);
  const expected = await dumps(live);
  await first.app.close();

  t.match(expected[PRODUCTS], { 'product:2': { name: 'Thing 2b', description: 'changed', revision: '1' } });
  t.notOk('product:3' in expected[PRODUCTS]!, 'a deleted product leaves no hash');
  t.same(expected[PRODUCTS]!.ids, [['1', 1], ['2', 2], ['4', 4], ['5', 5], ['6', 6]]);
  t.match(expected[ORDERS], { 'order:1': { status: 'cancelled' }, 'order:2': { status: 'placed' } });
  // Each user's live key, sealed as the log holds it and named by the HMAC of its name (the same name
  // gives each user a different entry), in the user's bucket that its entry names; the account's deletion drops every bucket.
  const data = expected[DATA]!;
  t.same(Object.keys(data).map((k) => k.replace(/:\d+$/, ':<bucket>')).sort(), ['values:1:<bucket>', 'values:2:<bucket>']);
  const entryOf = (user: number) => {
    const [key, values] = Object.entries(data).find(([k]) => k.startsWith(`values:${user}:`)) as [string, Record<string, string>];
    t.equal(Object.keys(values).length, 1, `user ${user}: one entry`);
    const entry = Object.entries(values)[0]!;
    t.equal(key, dataKeys.values(user, entry[0]), `user ${user}: in the bucket its entry names`);
    return entry;
  };
  for (const user of [1, 2]) {
    const [entry, stored] = entryOf(user);
    t.match(entry, /^#[\w-]{43}$/, `user ${user}: the entry is the key's HMAC`);
    t.match(stored, /^Data(Stored|Updated):[\w+/=]+:[\w+/=]+$/, `user ${user}: type and sealed part only`);
    t.notMatch(JSON.stringify(data), /prefs|theme|light/, 'no key name or value in the clear');
  }
  t.equal(entryOf(1)[1].includes('DataUpdated'), true, "user 1's last event was the update");
  t.not(entryOf(1)[0], entryOf(2)[0], 'the same key of two users: two entries');

  for (const kind of ['memory', 'redis'] as const) {
    const store = kind === 'memory' ? createMemoryReadStore() : await redisStore(t);
    const again = await build(t, { dataDir, readStore: store });
    t.same(await dumps(store), expected, `${kind}: rebuilt at start from the log`);
    await again.app.close();
  }
});

t.test('a page reads the sorted set by rank and only that page\'s hashes', async (t) => {
  const calls: { op: string; args: unknown[] }[] = [];
  const inner = createMemoryReadStore();
  const counted: ReadModelStore = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (args[0] === PRODUCTS) calls.push({ op: String(prop), args: args.slice(1) });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const { app } = await build(t, { readStore: counted });
  const erin = await signedInUser(app, 'erin');
  for (let i = 0; i < 40; i += 1) {
    await app.inject({ method: 'POST', url: '/products', headers: erin.auth, payload: { name: `p${i}`, description: 'd' } });
  }
  calls.length = 0;
  const res = await app.inject({ method: 'GET', url: '/products?page=3&limit=5', headers: erin.auth });
  t.same(res.json().products.map((p: { id: number }) => p.id), [11, 12, 13, 14, 15]);
  const reads = calls.filter((c) => !['apply', 'checkpoint', 'currentGeneration'].includes(c.op));
  t.same(reads.map((c) => c.op), ['zpage'], 'one read-store call for the page');
  t.same(reads[0]!.args, ['ids', 10, 14, 'product:'], 'by rank: just the page, each id with its product hash');

  calls.length = 0;
  const past = await app.inject({ method: 'GET', url: '/products?page=99&limit=5', headers: erin.auth });
  t.same(past.json().products, [], 'past the end: an empty page');
  t.equal(past.json().pagination.totalProducts, 40);
});
