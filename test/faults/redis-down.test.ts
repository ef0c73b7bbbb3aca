// Fault 2: Redis goes away under load and comes back. Commands keep answering
// correctly or with a clear 503 (never a 500, never a hang), queries answer
// 503 while the read store is down, projections resume from their
// checkpoints, and afterwards the read models equal a fresh replay.
import t from 'tap';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { tempDir } from '../support/app.js';
import { emptyAcknowledged, missingWrites, writeLoad } from '../support/load.js';
import { privateRedis } from '../support/redis-server.js';
import { compareWithReplay } from '../support/replay-check.js';
import { postJson, startServer } from '../support/server.js';

t.test('Redis stopped under load and brought back', async (t) => {
  const redis = await privateRedis(t);
  const env = { DATA_DIR: tempDir(t), REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'chronicle:' };
  const server = await startServer(t, env);
  await postJson(`${server.url}/register`, { username: 'owner', password: 'password1' });
  const token = (await postJson(`${server.url}/login`, { username: 'owner', password: 'password1' })).body.access_token as string;
  const auth = { authorization: `Bearer ${token}` };
  const product = await postJson(`${server.url}/products`, { name: 'Before', description: 'the outage' }, auth);
  t.equal(product.status, 201);

  const stop = new AbortController();
  const acked = emptyAcknowledged();
  const load = writeLoad({ baseUrl: () => server.url, token, workers: 6, tag: 'redis', stop: stop.signal, giveUpAfter: 1_000_000 }, acked);

  // Queries during the outage, timed: an answer, never a hang.
  const queries: { status: number; ms: number; body: unknown }[] = [];
  const query = async () => {
    const started = Date.now();
    const res = await fetch(`${server.url}/products/${product.body.id}`, { headers: auth, signal: AbortSignal.timeout(10_000) });
    queries.push({ status: res.status, ms: Date.now() - started, body: await res.json() });
  };

  await new Promise((r) => setTimeout(r, 400));
  await redis.kill();
  for (let i = 0; i < 10; i += 1) {
    await query();
    await new Promise((r) => setTimeout(r, 50));
  }
  const ready = await fetch(`${server.url}/ready`);
  t.equal(ready.status, 503, '/ready says not ready while Redis is down');
  const outage = { ...acked.statuses };
  await redis.start();

  // Back: the service recovers without a restart.
  let recovered = false;
  for (let i = 0; i < 100 && !recovered; i += 1) {
    recovered = (await fetch(`${server.url}/ready`)).status === 200;
    if (!recovered) await new Promise((r) => setTimeout(r, 100));
  }
  t.ok(recovered, '/ready is 200 again without a restart');
  await new Promise((r) => setTimeout(r, 300));
  stop.abort();
  await load;

  t.ok(queries.every((q) => q.status === 503 || q.status === 200), `queries answered 503 or 200: ${queries.map((q) => q.status)}`);
  t.ok(queries.some((q) => q.status === 503), 'at least one query saw the outage');
  t.ok(queries.every((q) => q.ms < 3000), `no query hung (slowest ${Math.max(...queries.map((q) => q.ms))} ms)`);
  t.match(queries.find((q) => q.status === 503)?.body, { error: /unavailable/ }, '503 in the family envelope with a clear message');
  t.notOk(acked.statuses[500], `no 500 (answers: ${JSON.stringify(acked.statuses)}; during the outage ${JSON.stringify(outage)})`);
  t.notOk(acked.statuses[0], 'no request went unanswered');
  t.ok(acked.users.length + acked.products.length + acked.data.length > 20, 'writes were acknowledged');

  t.same(await missingWrites(server.url, token, acked), [], 'every acknowledged write is visible after recovery');
  t.equal(await server.stop('SIGTERM'), 0);
  const eventStore = await openEmbeddedEventStore({ dir: join(env.DATA_DIR, 'events') });
  const readStore = await openRedisReadStore({ url: redis.url, prefix: 'chronicle:' });
  try {
    for (const model of await compareWithReplay(eventStore, readStore)) {
      t.same(model.differences, [], `${model.model} (${model.keys} keys) equals a fresh replay`);
    }
  } finally {
    await readStore.close();
    await eventStore.close();
  }
});
