// One suite, both read stores: Redis over a real connection and the in-process one behave the same.
import t from 'tap';
import { READ_MODELS } from '../support/app.js';
import { readStoreFor, storeKinds } from '../support/stores.js';
import type { ApplyRequest, ReadModelStore, WriteOp } from '../../src/infra/readstore/types.js';

/** The first write of model "m" on its first generation, with the checkpoint "p1". */
const firstWrite = (store: ReadModelStore, ops: WriteOp[]) =>
  store.apply({ model: 'm', generation: 1, expected: '', next: 'p1', requireCurrent: true, ops });

for (const kind of storeKinds(t)) {
  t.test(`read store: ${kind}`, async (t) => {
    t.test('applies writes with the checkpoint; queries see them', async (t) => {
      const store = await readStoreFor(t, kind);
      const gen = await store.currentGeneration('m');
      t.equal(gen, 1);
      t.equal(await store.checkpoint('m', gen), '');
      const outcome = await firstWrite(store, [
          { op: 'set', key: 's', value: 'v' },
          { op: 'hset', key: 'h', fields: { a: '1', b: '2' } },
          { op: 'hdel', key: 'h', fields: ['b'] },
          { op: 'hincrby', key: 'h', field: 'n', by: 5 },
          { op: 'hsetfield', key: 'h1', field: 'only', value: 'one' },
          { op: 'zadd', key: 'z', score: 2, member: 'two' },
          { op: 'zadd', key: 'z', score: 1, member: 'one' },
          { op: 'zadd', key: 'z', score: 3, member: 'three' },
          { op: 'zadd', key: 'z', score: 10, member: 'ten' },
          { op: 'zrem', key: 'z', member: 'ten' },
        ]);
      t.same(outcome, { status: 'applied' });
      t.equal(await store.checkpoint('m', gen), 'p1');
      t.equal(await store.get('m', 's'), 'v');
      t.equal(await store.get('m', 'missing'), null);
      t.same(await store.hgetall('m', 'h'), { a: '1', n: '5' });
      t.same(await store.hgetall('m', 'h1'), { only: 'one' }, 'hsetfield');
      t.equal(await store.hget('m', 'h1', 'only'), 'one', 'hget: one field');
      t.equal(await store.hget('m', 'h', 'b'), null, 'hget: a field deleted');
      t.equal(await store.hget('m', 'nope', 'a'), null, 'hget: no such hash');
      await t.rejects(store.hget('m', 's', 'a'), /WRONGTYPE/, 'hget of a string is refused');
      t.equal(await store.hgetall('m', 'nope'), null);
      t.same(await store.hgetallMany('m', ['h', 'nope']), [{ a: '1', n: '5' }, null]);
      t.same(await store.zrange('m', 'z', 0, -1), ['one', 'two', 'three']);
      t.same(await store.zrange('m', 'z', 1, 1), ['two']);
      t.same(await store.zrange('m', 'z', 0, 1, 'desc'), ['three', 'two']);
      t.same(await store.zrange('m', 'z', -2, -1), ['two', 'three']);
      t.same(await store.zrange('m', 'z', 5, 10), []);
      t.equal(await store.zcard('m', 'z'), 3);
      t.equal(await store.zcard('m', 'nope'), 0);
      t.same(await store.dump('m'), {
        s: 'v',
        h: { a: '1', n: '5' },
        h1: { only: 'one' },
        z: [
          ['one', 1],
          ['two', 2],
          ['three', 3],
        ],
      });
    });

    t.test('zpage: a page of a sorted set with each member\'s hash, and the set\'s size', async (t) => {
      const store = await readStoreFor(t, kind);
      await firstWrite(store, [
          ...[3, 1, 2, 4].map((n) => ({ op: 'zadd' as const, key: 'ids', score: n, member: String(n) })),
          { op: 'hset', key: 'item:1', fields: { name: 'one' } },
          { op: 'hset', key: 'item:2', fields: { name: 'two', extra: 'x' } },
          // 3 is listed without a hash (deleted between two writes of another store): null, not a half object.
          { op: 'hset', key: 'item:4', fields: { name: 'four "quoted" / \\ ünïcødé 🎉 \u0001', n: '007' } },
          { op: 'hset', key: 'other:1', fields: { name: 'not an item' } },
        ]);
      t.same(await store.zpage('m', 'ids', 0, 2, 'item:'), {
        total: 4,
        members: ['1', '2', '3'],
        hashes: [{ name: 'one' }, { name: 'two', extra: 'x' }, null],
      });
      t.strictSame(
        await store.zpage('m', 'ids', 3, 5, 'item:'),
        { total: 4, members: ['4'], hashes: [{ name: 'four "quoted" / \\ ünïcødé 🎉 \u0001', n: '007' }] },
        'values come back byte for byte, numbers-as-text stay text',
      );
      t.same(await store.zpage('m', 'ids', 10, 19, 'item:'), { total: 4, members: [], hashes: [] });
      t.same(await store.zpage('m', 'none', 0, 9, 'item:'), { total: 0, members: [], hashes: [] });
    });

    t.test('a large sorted set filled in random order, updated and trimmed, ranges like Redis', async (t) => {
      // More members than the in-process set splices (it rebuilds its order on the next read instead).
      const store = await readStoreFor(t, kind);
      const n = 3000;
      const members = Array.from({ length: n }, (_, i) => `m${((i * 7919) % n).toString(36)}`);
      const ops: WriteOp[] = members.map((member, i) => ({ op: 'zadd', key: 'big', score: i % 3, member }));
      // Same score again: nothing moves; a new score moves the member; removed members are gone.
      ops.push({ op: 'zadd', key: 'big', score: 0, member: members[0]! });
      ops.push({ op: 'zadd', key: 'big', score: 5, member: members[1]! });
      for (const member of members.slice(2, 12)) ops.push({ op: 'zrem', key: 'big', member });
      await firstWrite(store, ops);
      const score = new Map(members.map((m, i) => [m, i % 3]));
      score.set(members[1]!, 5);
      const kept = members.filter((m) => !members.slice(2, 12).includes(m));
      const expected = kept.sort((a, b) => score.get(a)! - score.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
      t.equal(await store.zcard('m', 'big'), n - 10);
      t.same(await store.zrange('m', 'big', 0, -1), expected);
      t.same(await store.zrange('m', 'big', 0, 4, 'desc'), expected.slice(-5).reverse());
      // Inserts after the rebuild keep the order too (at the end, and in the middle).
      await store.apply({
        model: 'm', generation: 1, expected: 'p1', next: 'p2', requireCurrent: true,
        ops: [{ op: 'zadd', key: 'big', score: 9, member: 'zz-last' }, { op: 'zadd', key: 'big', score: 1, member: 'm-middle' }],
      });
      const after = [...expected, 'm-middle', 'zz-last'].sort((a, b) => {
        const s = (m: string) => (m === 'zz-last' ? 9 : m === 'm-middle' ? 1 : score.get(m)!);
        return s(a) - s(b) || (a < b ? -1 : a > b ? 1 : 0);
      });
      t.same(await store.zrange('m', 'big', 0, -1), after);
    });

    t.test('checkpoint compare: skipped, conflict, and nothing applied twice', async (t) => {
      const store = await readStoreFor(t, kind);
      const req = (expected: string, next: string): ApplyRequest => ({
        model: 'c',
        generation: 1,
        expected,
        next,
        requireCurrent: true,
        ops: [{ op: 'hincrby', key: 'count', field: 'n', by: 1 }],
      });
      t.same(await store.apply(req('', '0002')), { status: 'applied' });
      t.same(await store.apply(req('', '0002')), { status: 'skipped', checkpoint: '0002' }, 'same batch again');
      t.same(await store.apply(req('', '0001')), { status: 'skipped', checkpoint: '0002' }, 'an older batch');
      t.same(await store.apply(req('0001', '0003')), { status: 'conflict', checkpoint: '0002' }, 'moved meanwhile');
      t.same(await store.apply(req('0002', '0003')), { status: 'applied' });
      t.same(await store.hgetall('c', 'count'), { n: '2' }, 'applied exactly twice');
    });

    t.test('delmembers drops every key its index names, a hash index or a sorted set, then the index', async (t) => {
      const store = await readStoreFor(t, kind);
      t.same(
        await firstWrite(store, [
          { op: 'set', key: 'v:1:a', value: 'A' },
          { op: 'set', key: 'v:1:b', value: 'B' },
          { op: 'set', key: 'v:2:a', value: 'other owner' },
          { op: 'hsetfield', key: 'idx:1', field: 'a', value: '1' },
          { op: 'hsetfield', key: 'idx:1', field: 'b', value: '1' },
          { op: 'set', key: 'v:1:old', value: 'indexed the former way' },
          { op: 'zadd', key: 'z:1', score: 0, member: 'old' },
        ]),
        { status: 'applied' },
      );
      const outcome = await store.apply({
        model: 'm',
        generation: 1,
        expected: 'p1',
        next: 'p2',
        requireCurrent: true,
        ops: [
          { op: 'delmembers', key: 'idx:1', prefix: 'v:1:' },
          { op: 'delmembers', key: 'z:1', prefix: 'v:1:' },
          { op: 'delmembers', key: 'absent', prefix: 'v:1:' },
        ],
      });
      t.same(outcome, { status: 'applied' });
      t.same(await store.dump('m'), { 'v:2:a': 'other owner' }, "the owner's keys and both indexes are gone; the other owner's key stays");
      // A string is no index: refused before anything is written.
      await t.rejects(
        store.apply({ model: 'm', generation: 1, expected: 'p2', next: 'p3', requireCurrent: true, ops: [{ op: 'set', key: 'x', value: '1' }, { op: 'delmembers', key: 'v:2:a', prefix: 'v:2:' }] }),
        /WRONGTYPE/,
      );
      t.equal(await store.get('m', 'x'), null, 'no partial write');
    });

    t.test('a failing batch writes nothing', async (t) => {
      const store = await readStoreFor(t, kind);
      await store.apply({
        model: 'w',
        generation: 1,
        expected: '',
        next: '1',
        requireCurrent: true,
        ops: [{ op: 'set', key: 'str', value: 'x' }],
      });
      await t.rejects(
        store.apply({
          model: 'w',
          generation: 1,
          expected: '1',
          next: '2',
          requireCurrent: true,
          ops: [
            { op: 'set', key: 'before', value: 'written?' },
            { op: 'hset', key: 'str', fields: { a: 'b' } },
          ],
        }),
        /WRONGTYPE/,
      );
      t.equal(await store.get('w', 'before'), null, 'no partial write');
      t.equal(await store.checkpoint('w', 1), '1', 'checkpoint unchanged');
    });

    t.test('generations: build aside, switch atomically, drop the old one', async (t) => {
      const store = await readStoreFor(t, kind);
      const apply = (generation: number, value: string, next: string, requireCurrent = true, expected = '') =>
        store.apply({ model: 'g', generation, expected, next, requireCurrent, ops: [{ op: 'set', key: 'k', value }] });
      await apply(1, 'old', '1');
      const fresh = await store.newGeneration('g');
      t.ok(fresh > 1, 'a new generation number');
      t.not(await store.newGeneration('g'), fresh, 'never handed out twice');
      await apply(fresh, 'new', '5', false);
      t.equal(await store.get('g', 'k'), 'old', 'queries still read the current generation');
      t.same(await apply(fresh, 'x', '6', true, '5'), { status: 'moved', generation: 1 }, 'live writers only write the current one');
      t.equal(await store.switchGeneration('g', 2, fresh), false, 'switch is compare-and-set');
      t.equal(await store.switchGeneration('g', 1, fresh), true);
      t.equal(await store.currentGeneration('g'), fresh);
      t.equal(await store.get('g', 'k'), 'new');
      t.same(
        await store.apply({ model: 'g', generation: 1, expected: '1', next: '2', requireCurrent: true, ops: [] }),
        { status: 'moved', generation: fresh },
        'a runner on the old generation is told to move',
      );
      await store.dropGeneration('g', 1);
      t.equal(await store.checkpoint('g', 1), '', 'old generation gone');
      t.equal(await store.get('g', 'k'), 'new');
    });
  });
}

t.test('redis: keys of one model share a hash tag and the prefix', async (t) => {
  const { Redis } = await import('ioredis');
  const { REDIS_URL } = await import('../support/app.js');
  const prefix = `test:tag:${Date.now()}:`;
  const store = await readStoreFor(t, 'redis', prefix);
  await store.apply({
    model: 'products',
    generation: 1,
    expected: '',
    next: '1',
    requireCurrent: true,
    ops: [{ op: 'set', key: 'p:1', value: 'x' }],
  });
  const raw = new Redis(REDIS_URL);
  t.teardown(() => raw.quit());
  const keys = (await raw.keys(`${prefix}*`)).sort();
  t.same(keys, [`${prefix}{products}:1:@checkpoint`, `${prefix}{products}:1:p:1`]);
  await raw.del(...keys);
});
