// Snapshots of the in-process read models: a restart starts from the snapshot
// and replays only the log's tail; a snapshot that is torn, corrupt or from
// other projection code is discarded and the whole log replayed, never served.
import t, { type Test } from 'tap';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { openSnapshottedMemoryStore, projectionVersions } from '../../src/infra/readstore/snapshot.js';
import { allProjections } from '../../projections/index.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import type { ReadModelStore, WriteOp } from '../../src/infra/readstore/types.js';
import { build, tempDir } from '../support/app.js';
import { signedInUser } from '../support/signed-in-user.js';

const file = (dataDir: string) => join(dataDir, 'snapshots', 'read-models.snapshot');

/** The snapshot with one text replaced by another of the same length, its checksum made right again. */
function rewritten(original: Buffer, from: string, to: string): Buffer {
  const nl = original.indexOf(10);
  const header = JSON.parse(original.subarray(0, nl).toString());
  const body = Buffer.from(original.subarray(nl + 1));
  const at = body.indexOf(from);
  if (at < 0 || from.length !== to.length) throw new Error(`${from} not in the snapshot`);
  body.write(to, at);
  header.crc = crc32(body, crc32(JSON.stringify(header.models)));
  return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body]);
}

/** An app over `dataDir` with a key and a product written, closed (which writes the snapshot). */
async function written(t: Test, dataDir: string) {
  const { app } = await build(t, { dataDir });
  const user = await signedInUser(app, 'snap');
  t.equal((await app.inject({ method: 'POST', url: '/api/data', headers: user.auth, payload: { key: 'k', value: 'before' } })).statusCode, 201);
  const product = await app.inject({ method: 'POST', url: '/products', headers: user.auth, payload: { name: 'Kept', description: 'x' } });
  t.equal(product.statusCode, 201);
  await app.close();
  return { user, productId: product.json().id as number };
}

async function reopened(t: Test, dataDir: string, user: { auth: { authorization: string } }, productId: number) {
  const { app } = await build(t, { dataDir });
  const key = await app.inject({ method: 'GET', url: '/api/data/k', headers: user.auth });
  t.equal(key.statusCode, 200, 'the session and the key are there');
  t.equal(key.json().data.value, 'before');
  const product = await app.inject({ method: 'GET', url: `/products/${productId}`, headers: user.auth });
  t.equal(product.json().name, 'Kept');
  return app;
}

t.test('a restart starts from the snapshot written at close, and replays only the tail written after it', async (t) => {
  const dataDir = tempDir(t);
  const { user, productId } = await written(t, dataDir);
  t.ok(existsSync(file(dataDir)), 'closing wrote a snapshot');
  const store = await openSnapshottedMemoryStore(join(dataDir, 'snapshots'), allProjections);
  t.equal(store.loaded.from, 'snapshot', 'it loads');
  const checkpoints = (store.loaded as { checkpoints: Record<string, string> }).checkpoints;
  t.ok(checkpoints.data && checkpoints.products && checkpoints.users, 'with a checkpoint for each model that saw events');
  t.match(await store.hgetall('products', `product:${productId}`), { name: 'Kept' }, 'and the models as they were');
  const values = Object.values(await store.dump('data')).find((v) => typeof v === 'object') as Record<string, string>;
  const sealed = Object.values(values)[0];
  t.match(sealed, /^DataStored:[\w+/=]+:[\w+/=]+$/, "D's value sealed in the snapshot as in the log (type, nonce, ciphertext)");
  t.notOk(readFileSync(file(dataDir)).includes('before'), 'so the snapshot holds no D value in the clear');
  await store.close();

  // Proof that the start trusted the snapshot and did not replay what it covers: rewrite it
  // consistently (valid checksum) with a name the log never had; the service serves that name.
  writeFileSync(file(dataDir), rewritten(readFileSync(file(dataDir)), '"Kept"', '"Cash"'));
  const { app } = await build(t, { dataDir });
  const read = await app.inject({ method: 'GET', url: `/products/${productId}`, headers: user.auth });
  t.equal(read.json().name, 'Cash', 'events before the checkpoint were not replayed');
  t.equal((await app.inject({ method: 'GET', url: '/api/data/k', headers: user.auth })).json().data.value, 'before', 'the sealed value opens after the restart');

  // A write after the snapshot: the next start shows it (the tail is replayed).
  t.equal((await app.inject({ method: 'PUT', url: '/api/data/k', headers: user.auth, payload: { value: 'after' } })).statusCode, 200);
  await app.close();
  const { app: again } = await build(t, { dataDir });
  t.equal((await again.inject({ method: 'GET', url: '/api/data/k', headers: user.auth })).json().data.value, 'after');
  t.equal((await again.inject({ method: 'GET', url: `/products/${productId}`, headers: user.auth })).json().name, 'Cash', 'the snapshot written at close kept what it served');
  await again.close();
});

for (const [what, damage] of [
  ['corrupt (one byte flipped)', (b: Buffer) => { const c = Buffer.from(b); c[c.length - 10]! ^= 0x20; return c; }],
  ['torn (cut short)', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
  ['of another format (the JSON snapshots before format 2)', (b: Buffer) => {
    const nl = b.indexOf(10);
    const header = JSON.parse(b.subarray(0, nl).toString());
    header.format = 1;
    return Buffer.concat([Buffer.from(JSON.stringify(header)), b.subarray(nl)]);
  }],
  ['with a checkpoint changed in its header', (b: Buffer) => {
    const nl = b.indexOf(10);
    const header = JSON.parse(b.subarray(0, nl).toString());
    header.models[0].checkpoint = '0';
    return Buffer.concat([Buffer.from(JSON.stringify(header)), b.subarray(nl)]);
  }],
  ['from other projection code', (b: Buffer) => {
    const nl = b.indexOf(10);
    const header = JSON.parse(b.subarray(0, nl).toString());
    header.versions.data = 'another-version';
    return Buffer.concat([Buffer.from(JSON.stringify(header)), b.subarray(nl)]);
  }],
] as const) {
  t.test(`a snapshot ${what} is discarded and the whole log replayed`, async (t) => {
    const dataDir = tempDir(t);
    const { user, productId } = await written(t, dataDir);
    const original = readFileSync(file(dataDir));
    writeFileSync(file(dataDir), damage(original));
    const store = await openSnapshottedMemoryStore(join(dataDir, 'snapshots'), allProjections);
    t.equal(store.loaded.from, 'empty', `discarded: ${(store.loaded as { reason: string }).reason}`);
    t.same(await store.dump('data'), {}, 'nothing of it is served');
    t.notOk(existsSync(file(dataDir)), 'and removed');
    await store.close();
    await (await reopened(t, dataDir, user, productId)).close();
  });
}

t.test('versions follow the projection code', async (t) => {
  const versions = projectionVersions(allProjections);
  t.same(Object.keys(versions).sort(), allProjections.map((p) => p.name).sort());
  const changed = allProjections.map((p) => (p.name === 'data' ? { ...p, apply: (() => []) as typeof p.apply } : p));
  const other = projectionVersions(changed);
  t.not(other.data, versions.data, 'another apply, another version');
  t.equal(other.products, versions.products, 'the others unchanged');
});

t.test('a store laid over its snapshot answers like one that kept everything in memory, writes during a snapshot included', async (t) => {
  const dir = join(tempDir(t), 'snapshots');
  const reference = createMemoryReadStore();
  let store = await openSnapshottedMemoryStore(dir, [], { intervalMs: 3_600_000 });
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const checkpoints: Record<string, number> = {};
  const ops = (): WriteOp[] =>
    Array.from({ length: 1 + random(4) }, (): WriteOp => {
      const n = random(40);
      switch (random(9)) {
        // Hashes of a few hundred fields, as D's buckets grow: kept decoded once read from a snapshot.
        case 7: return { op: 'hsetfield', key: `big:${n % 2}`, field: `f${random(300)}`, value: `y${random(1000)}` };
        case 8: return { op: 'hdel', key: `big:${n % 2}`, fields: [`f${random(300)}`] };
        case 0: return { op: 'set', key: `s:${n}`, value: `v${random(1000)}` };
        case 1: return { op: 'del', key: random(2) ? `s:${n}` : `h:${n}` };
        case 2: return { op: 'hset', key: `h:${n}`, fields: { [`f${random(3)}`]: `x${random(100)}` } };
        case 3: return { op: 'hdel', key: `h:${n}`, fields: [`f${random(3)}`] };
        case 4: return { op: 'hincrby', key: `h:${n}`, field: 'count', by: 1 + random(3) };
        case 5: return { op: 'zadd', key: `z:${n % 3}`, score: random(20), member: `m${n}` };
        default: return random(5) ? { op: 'zrem', key: `z:${n % 3}`, member: `m${n}` } : { op: 'delmembers', key: `z:${n % 3}`, prefix: 's:' };
      }
    });
  const apply = async (target: ReadModelStore, model: string, list: WriteOp[], at: number) => {
    const expected = checkpoints[`${model}@${target === reference}`] ?? 0;
    const outcome = await target.apply({ model, generation: 1, expected: expected ? String(expected).padStart(8, '0') : '', next: String(at).padStart(8, '0'), ops: list, requireCurrent: true });
    checkpoints[`${model}@${target === reference}`] = at;
    return outcome;
  };
  const same = async (label: string) => {
    for (const model of ['a', 'b']) {
      t.same(await store.dump(model), await reference.dump(model), `${label}: ${model} holds the same keys`);
      for (let n = 0; n < 40; n += 7) {
        t.same(await store.get(model, `s:${n}`).catch((e: Error) => e.message), await reference.get(model, `s:${n}`).catch((e: Error) => e.message));
        t.same(await store.hgetall(model, `h:${n}`).catch((e: Error) => e.message), await reference.hgetall(model, `h:${n}`).catch((e: Error) => e.message));
      }
      for (const big of ['big:0', 'big:1']) {
        for (let f = 0; f < 300; f += 37) t.equal(await store.hget(model, big, `f${f}`), await reference.hget(model, big, `f${f}`));
      }
      t.same(await store.zpage(model, 'z:1', 0, 4, 'h:'), await reference.zpage(model, 'z:1', 0, 4, 'h:'));
      t.same(await store.zrange(model, 'z:2', 0, -1, 'desc'), await reference.zrange(model, 'z:2', 0, -1, 'desc'));
    }
  };
  for (let at = 1; at <= 900; at += 1) {
    const model = random(2) ? 'a' : 'b';
    const list = ops();
    const mine = await apply(store, model, list, at).catch((e: Error) => e.message);
    t.same(mine, await apply(reference, model, list, at).catch((e: Error) => e.message), 'the same outcome');
    if (at % 50 === 0) void store.snapshot(); // in the background: the next writes land while it is written
    if (at % 150 === 0) {
      await same(`after ${at} batches`);
      await store.close();
      store = await openSnapshottedMemoryStore(dir, [], { intervalMs: 3_600_000 });
      t.equal(store.loaded.from, 'snapshot');
      await same(`reopened after ${at} batches`);
    }
  }
  await store.close();
});
