// Snapshots of the in-process read models: a restart starts from the snapshot
// and replays only the log's tail; a snapshot that is torn, corrupt or from
// other projection code is discarded and the whole log replayed, never served.
import t, { type Test } from 'tap';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openSnapshottedMemoryStore, projectionVersions } from '../../src/infra/readstore/snapshot.js';
import { allProjections } from '../../projections/index.js';
import { build, tempDir } from '../support/app.js';
import { signedInUser } from '../support/signed-in-user.js';

const file = (dataDir: string) => join(dataDir, 'snapshots', 'read-models.snapshot');

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
  const dataKey = Object.keys(await store.dump('data'))[0]!;
  t.equal(await store.get('data', dataKey), JSON.stringify('before'), 'and the models as they were');
  await store.close();

  // Proof that the start trusted the snapshot and did not replay what it covers: rewrite it
  // consistently (valid checksum) with a value the log never had; the service serves that value.
  const original = readFileSync(file(dataDir));
  const nl = original.indexOf(10);
  const header = JSON.parse(original.subarray(0, nl).toString());
  const body = Buffer.from(original.subarray(nl + 1).toString().replace(JSON.stringify(JSON.stringify('before')), JSON.stringify(JSON.stringify('only-in-the-snapshot'))));
  header.length = body.length;
  header.sha256 = createHash('sha256').update(body).digest('hex');
  writeFileSync(file(dataDir), Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body]));
  const { app } = await build(t, { dataDir });
  const read = await app.inject({ method: 'GET', url: '/api/data/k', headers: user.auth });
  t.equal(read.json().data.value, 'only-in-the-snapshot', 'events before the checkpoint were not replayed');

  // A write after the snapshot: the next start shows it (the tail is replayed).
  t.equal((await app.inject({ method: 'PUT', url: '/api/data/k', headers: user.auth, payload: { value: 'after' } })).statusCode, 200);
  await app.close();
  const { app: again } = await build(t, { dataDir });
  t.equal((await again.inject({ method: 'GET', url: '/api/data/k', headers: user.auth })).json().data.value, 'after');
  t.equal((await again.inject({ method: 'GET', url: `/products/${productId}`, headers: user.auth })).json().name, 'Kept');
  await again.close();
});

for (const [what, damage] of [
  ['corrupt (one byte flipped)', (b: Buffer) => { const c = Buffer.from(b); c[c.length - 10]! ^= 0x20; return c; }],
  ['torn (cut short)', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
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
