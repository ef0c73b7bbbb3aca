import t from 'tap';
import { build, READ_MODELS } from '../support/app.js';
import { readLog } from '../support/event-log.js';
import { dataStream } from '../../src/data/events.js';
import type { KeyedHash } from '../../src/infra/secrets.js';
import { signedInUser, type SignedInUser } from '../support/signed-in-user.js';

const error = (code: string) => ({ status: 'error', code, message: String });

for (const readModels of READ_MODELS) {
  t.test(`D key-value data (${readModels} read models)`, async (t) => {
    const { app, dataDir } = await build(t, { readModels });
    const alice = await signedInUser(app, 'alice');
    const bob = await signedInUser(app, 'bob');

    const store = (user: SignedInUser, payload: unknown) =>
      app.inject({ method: 'POST', url: '/api/data', headers: user.auth, payload: payload as object });
    const read = (user: SignedInUser, key: string) =>
      app.inject({ method: 'GET', url: `/api/data/${key}`, headers: user.auth });
    const update = (user: SignedInUser, key: string, payload: unknown) =>
      app.inject({ method: 'PUT', url: `/api/data/${key}`, headers: user.auth, payload: payload as object });
    const remove = (user: SignedInUser, key: string) =>
      app.inject({ method: 'DELETE', url: `/api/data/${key}`, headers: user.auth });

    t.test('every route needs a token: INVALID_TOKEN in D\'s envelope', async (t) => {
      for (const route of [
        { method: 'POST', url: '/api/data', payload: { key: 'k', value: 1 } },
        { method: 'GET', url: '/api/data/k' },
        { method: 'PUT', url: '/api/data/k', payload: { value: 1 } },
        { method: 'DELETE', url: '/api/data/k' },
      ] as const) {
        for (const headers of [{}, { authorization: 'Bearer not-a-token' }, { authorization: `Bearer ${alice.token}x` }]) {
          const res = await app.inject({ ...route, headers });
          t.equal(res.statusCode, 401, `${route.method} ${route.url}`);
          t.match(res.json(), error('INVALID_TOKEN'));
          t.same(Object.keys(res.json()).sort(), ['code', 'message', 'status']);
        }
      }
    });

    t.test('store, read, update, delete', async (t) => {
      const stored = await store(alice, { key: 'unique_key', value: 'data_value' });
      t.equal(stored.statusCode, 201);
      t.same(stored.json(), { status: 'success', message: 'Data stored successfully.' });
      const got = await read(alice, 'unique_key');
      t.equal(got.statusCode, 200);
      t.same(got.json(), { status: 'success', data: { key: 'unique_key', value: 'data_value' } });

      const updated = await update(alice, 'unique_key', { value: { nested: [1, 2, { deep: null }] } });
      t.equal(updated.statusCode, 200);
      t.same(updated.json(), { status: 'success', message: 'Data updated successfully.' });
      t.same((await read(alice, 'unique_key')).json().data.value, { nested: [1, 2, { deep: null }] }, 'read back without waiting');

      const deleted = await remove(alice, 'unique_key');
      t.equal(deleted.statusCode, 200);
      t.same(deleted.json(), { status: 'success', message: 'Data deleted successfully.' });
      for (const res of [await read(alice, 'unique_key'), await update(alice, 'unique_key', { value: 1 }), await remove(alice, 'unique_key')]) {
        t.equal(res.statusCode, 404);
        t.match(res.json(), error('KEY_NOT_FOUND'));
      }
    });

    t.test('any JSON value but null round-trips', async (t) => {
      const values: unknown[] = ['', 'text', 0, -1.5, 1e300, true, false, {}, [], [null], { a: { b: ['c'] } }, 'ünïcødé ✓'];
      for (const [i, value] of values.entries()) {
        const key = `v${i}`;
        t.equal((await store(alice, { key, value })).statusCode, 201, JSON.stringify(value));
        t.same((await read(alice, key)).json().data, { key, value }, JSON.stringify(value));
      }
    });

    t.test('an existing key is KEY_EXISTS; a deleted one can be stored again, continuing its history', async (t) => {
      t.equal((await store(alice, { key: 'history', value: 1 })).statusCode, 201);
      const again = await store(alice, { key: 'history', value: 2 });
      t.equal(again.statusCode, 409);
      t.match(again.json(), error('KEY_EXISTS'));
      t.equal((await read(alice, 'history')).json().data.value, 1, 'the refused store changed nothing');
      await update(alice, 'history', { value: 3 });
      await remove(alice, 'history');
      t.equal((await store(alice, { key: 'history', value: 4 })).statusCode, 201);
      t.equal((await read(alice, 'history')).json().data.value, 4);

      const stream = (names: KeyedHash) => dataStream(names, alice.id, 'history');
      const log = await readLog(dataDir, stream);
      t.same(log.map((e) => e.type), ['DataStored', 'DataUpdated', 'DataDeleted', 'DataStored'], 'one stream, whole history');
      t.same(log.map((e) => e.data.value), [1, 3, undefined, 4]);
      t.ok(log.every((e) => e.data.userId === alice.id && e.data.key === 'history'), 'every event names its user');
      const raw = await readLog(dataDir, stream, { raw: true });
      t.notOk(raw.some((e) => e.stream.includes('history') || 'key' in e.data || 'value' in e.data), 'on disk: no key or value in the clear');
    });

    t.test('keys belong to their owner', async (t) => {
      await store(alice, { key: 'shared-name', value: 'alice\'s' });
      for (const res of [await read(bob, 'shared-name'), await update(bob, 'shared-name', { value: 'x' }), await remove(bob, 'shared-name')]) {
        t.equal(res.statusCode, 404, 'another user\'s key does not exist for bob');
        t.match(res.json(), error('KEY_NOT_FOUND'));
        t.notMatch(res.body, /alice/);
      }
      t.equal((await store(bob, { key: 'shared-name', value: 'bob\'s' })).statusCode, 201, 'two users may hold one key');
      t.equal((await read(alice, 'shared-name')).json().data.value, 'alice\'s');
      t.equal((await read(bob, 'shared-name')).json().data.value, 'bob\'s');
      await remove(bob, 'shared-name');
      t.equal((await read(alice, 'shared-name')).statusCode, 200, 'bob deleting his key leaves alice\'s');
    });

    t.test('keys: 1-256 of [A-Za-z0-9_.:-], case-sensitive', async (t) => {
      t.equal((await store(alice, { key: 'a.b:c-d_E9', value: 1 })).statusCode, 201);
      t.equal((await read(alice, 'a.b:c-d_E9')).json().data.key, 'a.b:c-d_E9');
      t.equal((await read(alice, 'A.B:C-D_e9')).statusCode, 404, 'case-sensitive');
      const longest = 'k'.repeat(256);
      t.equal((await store(alice, { key: longest, value: 1 })).statusCode, 201, '256 characters');
      const hundred = 'h'.repeat(100);
      t.equal((await store(alice, { key: hundred, value: 'h' })).statusCode, 201);
      t.same((await read(alice, hundred)).json().data, { key: hundred, value: 'h' }, 'a long key in the path');
      t.same((await read(alice, longest)).json().data, { key: longest, value: 1 }, 'the longest key reads back');
      t.equal((await update(alice, longest, { value: 2 })).statusCode, 200, 'updates');
      t.equal((await remove(alice, longest)).statusCode, 200, 'and deletes through the path');
      t.equal((await read(alice, 'k'.repeat(257))).statusCode, 400, 'one more is INVALID_KEY');

      const badKeys: unknown[] = ['', 'with space', 'slash/y', 'ümlaut', 'k'.repeat(257), 'semi;colon', 42, null, ['k']];
      for (const key of badKeys) {
        const res = await store(alice, { key, value: 1 });
        t.equal(res.statusCode, 400, `key ${JSON.stringify(key)?.slice(0, 20)}`);
        t.match(res.json(), error('INVALID_KEY'));
      }
      for (const body of [{ value: 1 }, {}, [], [{ key: 'k', value: 1 }]]) {
        const res = await store(alice, body);
        t.equal(res.statusCode, 400, JSON.stringify(body));
        t.match(res.json(), error('INVALID_KEY'), 'no key');
      }
      for (const path of ['with%20space', '%C3%BC', 'semi%3Bcolon', 'a%2Fb']) {
        for (const res of [await read(alice, path), await update(alice, path, { value: 1 }), await remove(alice, path)]) {
          t.equal(res.statusCode, 400, path);
          t.match(res.json(), error('INVALID_KEY'));
        }
      }
    });

    t.test('values: not null, at most 64 KiB serialised and 128 levels deep', async (t) => {
      const cases: [unknown, string][] = [
        [{ key: 'nv' }, 'missing'],
        [{ key: 'nv', value: null }, 'null'],
      ];
      for (const [body, why] of cases) {
        const res = await store(alice, body);
        t.equal(res.statusCode, 400, why);
        t.match(res.json(), error('INVALID_VALUE'));
      }
      const infinite = await app.inject({
        method: 'POST',
        url: '/api/data',
        headers: { ...alice.auth, 'content-type': 'application/json' },
        payload: '{"key": "inf", "value": {"x": 1e400}}',
      });
      t.equal(infinite.statusCode, 400, 'a number JSON cannot hold');
      t.match(infinite.json(), error('INVALID_VALUE'));

      // "x".repeat(n) serialises to n + 2 bytes (the quotes).
      const max = 'x'.repeat(64 * 1024 - 2);
      t.equal((await store(alice, { key: 'max', value: max })).statusCode, 201, 'exactly 64 KiB');
      t.equal((await read(alice, 'max')).json().data.value.length, max.length);
      const over = await store(alice, { key: 'over', value: `${max}x` });
      t.equal(over.statusCode, 400, 'one byte over');
      t.match(over.json(), error('INVALID_VALUE'));
      const multibyte = await store(alice, { key: 'bytes', value: 'é'.repeat(33 * 1024) });
      t.equal(multibyte.statusCode, 400, 'the limit counts UTF-8 bytes, not characters');
      t.equal((await read(alice, 'over')).statusCode, 404, 'nothing stored');

      await store(alice, { key: 'upd', value: 1 });
      for (const body of [{}, { value: null }, { value: `${max}x` }, [], { key: 'upd' }]) {
        const res = await update(alice, 'upd', body);
        t.equal(res.statusCode, 400, JSON.stringify(body).slice(0, 40));
        t.match(res.json(), error('INVALID_VALUE'));
      }
      t.equal((await read(alice, 'upd')).json().data.value, 1, 'refused updates change nothing');

      // Deep nesting fits in 64 KiB but would overflow JSON.stringify's recursion: refused, never a 500.
      const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const deep = (key: string, depth: number) =>
        app.inject({
          method: 'POST',
          url: '/api/data',
          headers: { ...alice.auth, 'content-type': 'application/json' },
          payload: `{"key": "${key}", "value": ${nested(depth)}}`,
        });
      t.equal((await deep('deep128', 128)).statusCode, 201, '128 levels');
      t.equal(JSON.stringify((await read(alice, 'deep128')).json().data.value), nested(128), 'read back whole');
      for (const depth of [129, 3000, 10_000, 40_000]) {
        const res = await deep(`deep${depth}`, depth);
        t.equal(res.statusCode, 400, `${depth} levels`);
        t.match(res.json(), error('INVALID_VALUE'));
      }
      const deepUpdate = await app.inject({
        method: 'PUT',
        url: '/api/data/upd',
        headers: { ...alice.auth, 'content-type': 'application/json' },
        payload: `{"value": {"a": ${nested(10_000)}}}`,
      });
      t.equal(deepUpdate.statusCode, 400, 'an update nested 10,001 levels');
      t.match(deepUpdate.json(), error('INVALID_VALUE'));

      const big = await store(alice, { key: 'huge', value: 'x'.repeat(97 * 1024) });
      t.equal(big.statusCode, 413, 'a body over 96 KiB');
      t.match(big.json(), { status: 'error', code: 'PAYLOAD_TOO_LARGE', message: /too large/ });
      const text = await app.inject({
        method: 'PUT',
        url: '/api/data/upd',
        headers: { ...alice.auth, 'content-type': 'text/plain' },
        payload: 'value=2',
      });
      t.equal(text.statusCode, 415);
      t.match(text.json(), { status: 'error', code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    t.test('concurrent stores of one new key: exactly one 201', async (t) => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store(alice, { key: 'race', value: i })));
      t.same(results.map((r) => r.statusCode).sort(), [201, ...Array(9).fill(409)]);
      const winner = results.findIndex((r) => r.statusCode === 201);
      t.equal((await read(alice, 'race')).json().data.value, winner, 'the winner\'s value is stored');
    });
  });
}
