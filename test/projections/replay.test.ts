// Replay rebuilds read models equal to the live ones and switches atomically;
// the live runner carries on in the new generation.
import t, { type Test } from 'tap';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { allProjections } from '../../projections/index.js';
import { replay } from '../../projections/replay.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { build, REDIS_URL, READ_MODELS } from '../support/app.js';
import { eventStoreFor, openedLog, readStoreFor, userIndex } from '../support/stores.js';

const run = promisify(execFile);

async function populate(app: import('fastify').FastifyInstance, from: number, count: number) {
  for (let i = from; i < from + count; i += 1) {
    const reg = await app.inject({
      method: 'POST',
      url: '/register',
      payload: { username: `user${i}`, password: 'password1', ...(i % 2 ? { email: `u${i}@example.com` } : {}) },
    });
    t.equal(reg.statusCode, 201);
    const login = await app.inject({ method: 'POST', url: '/login', payload: { username: `user${i}`, password: 'password1' } });
    t.equal(login.statusCode, 200);
  }
}

for (const kind of READ_MODELS) {
  t.test(`replay rebuilds ${kind} read models equal to the live ones`, async (t) => {
    const raw = await eventStoreFor(t);
    const readStore = await readStoreFor(t, kind);
    const { app, config } = await build(t, { eventStore: raw, readStore });
    const eventStore = await openedLog(t, config, raw);
    await populate(app, 0, 12);
    const live = Object.fromEntries(await Promise.all(allProjections.map(async (p) => [p.name, await readStore.dump(p.name)])));
    t.ok(Object.keys(live.users).length > 20, 'the live users model holds data');

    const progress: number[] = [];
    const result = await replay({ eventStore, readStore, projections: allProjections, onProgress: (p) => progress.push(p.events) });
    t.ok(result.events > 40, `replayed ${result.events} events`);
    t.equal(progress.at(-1), result.events, 'progress reported to the end');
    for (const p of allProjections) {
      t.ok(result.generations[p.name]! > 1, `${p.name} switched to a new generation`);
      t.same(await readStore.dump(p.name), live[p.name], `${p.name} equals the live model`);
    }
    // The live runner follows the switch: new writes land in the new generation and are readable.
    await populate(app, 12, 2);
    const login = await app.inject({ method: 'POST', url: '/login', payload: { username: 'user13', password: 'password1' } });
    t.equal(login.statusCode, 200);
    t.ok(await readStore.get('users', userIndex(config, 'username', 'user13')), 'written after the switch, visible');

    // And a second replay still matches (idempotent rebuild).
    const again = Object.fromEntries(await Promise.all(allProjections.map(async (p) => [p.name, await readStore.dump(p.name)])));
    await replay({ eventStore, readStore, projections: allProjections });
    for (const p of allProjections) t.same(await readStore.dump(p.name), again[p.name]);
  });
}

/** A service with in-process read models and `users` accounts: its live models, and its log opened as replay reads it. */
async function liveModels(t: Test, users: number) {
  const raw = await eventStoreFor(t);
  const readStore = createMemoryReadStore();
  const { app, config } = await build(t, { eventStore: raw, readStore });
  const eventStore = await openedLog(t, config, raw);
  await populate(app, 0, users);
  return { readStore, eventStore };
}

t.test('replay into a fresh store equals the live in-process models', async (t) => {
  const { readStore, eventStore } = await liveModels(t, 5);
  const fresh = createMemoryReadStore();
  await replay({ eventStore, readStore: fresh, projections: allProjections });
  for (const p of allProjections) t.same(await fresh.dump(p.name), await readStore.dump(p.name));
  // Batches of 3 events: many batches sent ahead of the answers to the ones before, still in order.
  const small = createMemoryReadStore();
  const sent: number[] = [];
  const counting = { ...small, apply: (req: Parameters<typeof small.apply>[0]) => (sent.push(req.ops.length), small.apply(req)) };
  const result = await replay({ eventStore, readStore: counting, projections: allProjections, batchSize: 3 });
  t.ok(sent.length > 10, `many batches (${sent.length} writes)`);
  t.equal(result.events, (await collectAll(eventStore)).length, 'every event counted once');
  for (const p of allProjections) t.same(await small.dump(p.name), await readStore.dump(p.name), `${p.name}, in batches of 3`);
});

t.test('a replay stops, and leaves nothing half-built, when someone else writes its new generation', async (t) => {
  const { eventStore } = await liveModels(t, 3);
  const target = createMemoryReadStore();
  let calls = 0;
  const intruded = {
    ...target,
    // The third write finds the generation moved by another writer.
    apply: (req: Parameters<typeof target.apply>[0]) =>
      ++calls === 3 ? Promise.resolve({ status: 'conflict' as const, checkpoint: 'elsewhere' }) : target.apply(req),
  };
  await t.rejects(replay({ eventStore, readStore: intruded, projections: allProjections, batchSize: 2 }), /written by someone else \(conflict/);
  for (const p of allProjections) {
    t.equal(await target.currentGeneration(p.name), 1, `${p.name}: queries still read the old generation`);
    t.same(await target.dump(p.name), await createMemoryReadStore().dump(p.name), `${p.name}: the new generation was dropped`);
  }
});

async function collectAll(store: import('../../src/infra/eventstore/types.js').EventStore) {
  const out = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
}

t.test('npm run replay (the CLI) against Redis', async (t) => {
  const prefix = `test:${randomUUID()}:`;
  const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const { app, dataDir, config } = await build(t, { env });
  await populate(app, 0, 3);
  await app.close();
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/tools/replay.ts'], {
    env: { ...process.env, ...env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
  });
  t.match(stdout, /replayed \d+ events in [\d.]+ s: \d+ events\/s/);
  const readStore = await readStoreFor(t, 'redis', prefix);
  t.ok(await readStore.get('users', userIndex(config, 'username', 'user2')), 'the rebuilt model serves queries');
  t.equal(await readStore.currentGeneration('users'), 2);
});
