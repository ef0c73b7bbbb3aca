// The Redis read store's in-process cache (CLIENT TRACKING, broadcast mode):
// reads are served from memory, and a write through any connection, any
// instance, drops them. A private redis-server, so that its command counts are
// ours alone.
import t, { type Test } from 'tap';
import { Redis } from 'ioredis';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import type { ReadModelStore, WriteOp } from '../../src/infra/readstore/types.js';
import { privateRedis } from '../support/redis-server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LONG = 60_000; // an entry's life cap far beyond the test: only an invalidation can refresh it

async function setup(t: Test) {
  const redis = await privateRedis(t);
  const raw = new Redis(redis.url);
  t.teardown(() => raw.disconnect());
  const open = async (cacheMs = LONG): Promise<ReadModelStore> => {
    const store = await openRedisReadStore({ url: redis.url, prefix: 'c:', cacheMs });
    t.teardown(() => store.close());
    return store;
  };
  /** How many times Redis ran `command` so far. */
  const calls = async (command: string) => {
    const m = new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(await raw.info('commandstats'));
    return Number(m?.[1] ?? 0);
  };
  return { redis, raw, open, calls };
}

let next = 1;
const write = (store: ReadModelStore, ops: WriteOp[]) => {
  const expected = next === 1 ? '' : `p${String(next - 1).padStart(6, '0')}`;
  const n = `p${String(next++).padStart(6, '0')}`;
  return store.apply({ model: 'm', generation: 1, expected, next: n, requireCurrent: true, ops });
};

async function until(what: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await what()) return true;
    await sleep(5);
  }
  return false;
}

t.test('a store opens with its cache live: its very first reads are cached', async (t) => {
  next = 1;
  const { open, calls } = await setup(t);
  const a = await open();
  await write(a, [{ op: 'set', key: 'v', value: 'one' }]);
  const b = await open(); // no synced(), no pause: tracking is on once open resolves
  const before = await calls('get');
  for (let i = 0; i < 5; i += 1) t.equal(await b.get('m', 'v'), 'one');
  // One GET of the model's generation pointer, one of the value: the other four from memory.
  t.equal((await calls('get')) - before, 2, 'five reads from a store just opened, two GETs');
});

t.test('reads come from memory until any instance writes the key', async (t) => {
  next = 1;
  const { open, calls } = await setup(t);
  const a = await open();
  const b = await open();
  await a.synced!();
  await b.synced!();
  t.same(await write(a, [{ op: 'hset', key: 'session:1', fields: { userId: '7' } }, { op: 'set', key: 'v', value: 'one' }]), { status: 'applied' });

  const before = await calls('hgetall');
  for (let i = 0; i < 5; i += 1) t.same(await b.hgetall('m', 'session:1'), { userId: '7' });
  t.equal((await calls('hgetall')) - before, 1, 'five reads, one HGETALL: the other four from memory');
  const gets = await calls('get');
  for (let i = 0; i < 5; i += 1) t.equal(await b.get('m', 'v'), 'one');
  t.ok((await calls('get')) - gets <= 2, 'GET served from memory too (one read, and at most one of the generation pointer)');

  // A ends the session: B sees it once the invalidation arrived, which synced() waits for.
  await write(a, [{ op: 'del', key: 'session:1' }]);
  await b.synced!();
  t.equal(await b.hgetall('m', 'session:1'), null, 'B no longer serves the deleted session');
  // Without waiting for it explicitly too: the message alone refreshes B, long before the 60 s cap.
  await write(a, [{ op: 'set', key: 'v', value: 'two' }]);
  t.ok(await until(async () => (await b.get('m', 'v')) === 'two', 5000), 'B shows the new value once the message arrives');
  t.equal(await a.get('m', 'v'), 'two', 'the writer itself reads its write at once');
});

t.test('fields of a hash are cached one by one and all go with any write to the hash', async (t) => {
  next = 1;
  const { open, calls } = await setup(t);
  const a = await open();
  const b = await open();
  await write(a, [{ op: 'hset', key: 'values:1', fields: { x: 'one', y: 'two' } }]);
  await b.synced!();
  const before = await calls('hget');
  for (let i = 0; i < 5; i += 1) {
    t.equal(await b.hget('m', 'values:1', 'x'), 'one');
    t.equal(await b.hget('m', 'values:1', 'y'), 'two');
    t.equal(await b.hget('m', 'values:1', 'z'), null);
  }
  t.equal((await calls('hget')) - before, 3, 'fifteen reads of three fields, three HGETs: a missing field is cached too');
  t.same(await b.hgetall('m', 'values:1'), { x: 'one', y: 'two' }, 'the whole hash is an entry of its own');
  // A write to one field drops every field of the hash (Redis names the key, not the field).
  await write(a, [{ op: 'hsetfield', key: 'values:1', field: 'y', value: 'changed' }]);
  await b.synced!();
  t.equal(await b.hget('m', 'values:1', 'x'), 'one');
  t.equal(await b.hget('m', 'values:1', 'y'), 'changed', 'the changed field is read again');
  t.same(await b.hgetall('m', 'values:1'), { x: 'one', y: 'changed' });
  await write(a, [{ op: 'hsetfield', key: 'values:1', field: 'z', value: 'new' }]);
  await b.synced!();
  t.equal(await b.hget('m', 'values:1', 'z'), 'new', 'a field cached as missing is read again once written');
  await write(a, [{ op: 'del', key: 'values:1' }]);
  t.equal(await a.hget('m', 'values:1', 'x'), null, 'the writer reads its own deletion at once');
  await b.synced!();
  t.equal(await b.hget('m', 'values:1', 'x'), null, 'and every instance once the message arrived');
});

t.test('a write by anything else (a raw client, FLUSHDB) invalidates too', async (t) => {
  next = 1;
  const { open, raw } = await setup(t);
  const store = await open();
  await write(store, [{ op: 'set', key: 'k', value: 'cached' }]);
  t.equal(await store.get('m', 'k'), 'cached');
  await raw.set('c:{m}:1:k', 'changed behind its back');
  await store.synced!();
  t.equal(await store.get('m', 'k'), 'changed behind its back');
  await raw.flushdb();
  await store.synced!();
  t.equal(await store.get('m', 'k'), null, 'FLUSHDB drops everything');
});

t.test('pages: any change to the model drops its cached pages', async (t) => {
  next = 1;
  const { open, calls } = await setup(t);
  const a = await open();
  const b = await open();
  await write(a, [
    { op: 'zadd', key: 'ids', score: 1, member: '1' },
    { op: 'hset', key: 'p:1', fields: { name: 'one' } },
  ]);
  await b.synced!(); // the write's own invalidation has arrived: a read in flight when it lands is not kept
  const scripts = async () => (await calls('evalsha')) + (await calls('eval'));
  const evals = await scripts();
  const first = await b.zpage('m', 'ids', 0, 9, 'p:');
  t.same(first.hashes, [{ name: 'one' }]);
  t.same(await b.zpage('m', 'ids', 0, 9, 'p:'), first);
  t.equal((await scripts()) - evals, 1, 'the second page read came from memory');
  await write(a, [{ op: 'hset', key: 'p:1', fields: { name: 'renamed' } }]);
  await b.synced!();
  t.same((await b.zpage('m', 'ids', 0, 9, 'p:')).hashes, [{ name: 'renamed' }], 'a member renamed: the page is read again');
});

t.test('while the invalidation connection is gone nothing is served from memory; afterwards caching resumes', async (t) => {
  next = 1;
  const { open, raw } = await setup(t);
  const store = await open();
  await write(store, [{ op: 'set', key: 'k', value: 'v1' }]);
  t.equal(await store.get('m', 'k'), 'v1');
  // Kill the tracking connection (the only one subscribed), then write while it reconnects.
  await raw.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
  await raw.set('c:{m}:1:k', 'v2');
  t.equal(await store.get('m', 'k'), 'v2', 'the write made while no message could arrive is read');
  t.ok(await until(async () => String(await raw.call('CLIENT', 'LIST', 'TYPE', 'pubsub')).includes('sub='), 5000), 'the tracking connection is back');
  await sleep(50);
  await raw.set('c:{m}:1:k', 'v3');
  await store.synced!();
  t.equal(await store.get('m', 'k'), 'v3', 'and invalidations work again');
});
