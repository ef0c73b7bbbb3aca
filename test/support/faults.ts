// Fault scenarios shared by the fast tests (test/faults) and the soak runs
// (test/soak), which only differ in how long and how hard they push.
import type { Test } from 'tap';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { REDIS_URL, tempDir } from './app.js';
import { emptyAcknowledged, missingWrites, writeLoad } from './load.js';
import { deletePrefix } from './redis-cleanup.js';
import { compareWithReplay } from './replay-check.js';
import { postJson, startServer } from './server.js';

/**
 * Fault 1: kill -9 under write load, `rounds` times. Every request answered
 * 2xx is present after a restart (in the log and, after catch-up, in the read
 * models), and the read models equal a fresh replay of the log.
 */
export async function crashUnderLoad(t: Test, options: { rounds: number; loadMs: number; workers: number }) {
  const prefix = `test:${randomUUID()}:`;
  t.teardown(() => deletePrefix(REDIS_URL, prefix));
  const env = { DATA_DIR: tempDir(t), REDIS_URL, REDIS_KEY_PREFIX: prefix };
  let server = await startServer(t, env);
  await postJson(`${server.url}/register`, { username: 'owner', password: 'password1' });
  const token = (await postJson(`${server.url}/login`, { username: 'owner', password: 'password1' })).body.access_token as string;

  const acked = emptyAcknowledged();
  for (let round = 0; round < options.rounds; round += 1) {
    const stop = new AbortController();
    const current = server;
    const load = writeLoad({ baseUrl: () => current.url, token, workers: options.workers, tag: `r${round}`, stop: stop.signal }, acked);
    await new Promise((r) => setTimeout(r, options.loadMs));
    t.equal(await server.stop('SIGKILL'), 'SIGKILL', `round ${round}: killed under load`);
    stop.abort();
    await load;
    server = await startServer(t, env);
  }
  const writes = acked.users.length + acked.products.length + acked.data.length;
  t.ok(writes > 30 * options.rounds, `${writes} writes acknowledged before the kills`);
  t.notOk(acked.statuses[500], 'no 500 while it ran');

  t.same(await missingWrites(server.url, token, acked), [], 'every acknowledged write is there after restart');
  // A registration cut off by the kill either happened completely or not at all.
  for (const user of acked.unacknowledgedUsers) {
    const login = await postJson(`${server.url}/login`, user);
    t.ok([200, 401].includes(login.status), `${user.username}: whole or absent (${login.status})`);
  }
  t.equal(await server.stop('SIGTERM'), 0);

  const eventStore = await openEmbeddedEventStore({ dir: join(env.DATA_DIR, 'events') });
  const readStore = await openRedisReadStore({ url: REDIS_URL, prefix });
  try {
    for (const model of await compareWithReplay(eventStore, readStore)) {
      t.same(model.differences, [], `${model.model} (${model.keys} keys) equals a fresh replay`);
    }
  } finally {
    await readStore.close();
    await eventStore.close();
  }
  return { writes, rounds: options.rounds };
}

