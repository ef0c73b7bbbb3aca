// Fault scenarios shared by the fast tests (test/faults, in npm test) and the
// soak runs (test/soak, npm run soak), which only differ in how long and how
// hard they push. Each states what was acknowledged and checks all of it
// afterwards; each returns its figures for the soak summary.
import type { Test } from 'tap';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { openEventStoreDb } from '../../src/infra/eventstore/esdb.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { loadConfig } from '../../src/config.js';
import { openPersonalData } from '../../src/personal.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { REDIS_URL, tempDir } from './app.js';
import { startEmulator } from './esdb-emulator.js';
import { emptyAcknowledged, missingWrites, writeLoad, type Acknowledged } from './load.js';
import { deletePrefix } from './redis-cleanup.js';
import { privateRedis } from './redis-server.js';
import { expectEqualToReplay } from './replay-check.js';
import { postJson, startServer, type RunningServer } from './server.js';

export interface FaultResult {
  fault: string;
  /** Writes the service answered 2xx. */
  acknowledged: number;
  /** Of those, missing afterwards. */
  lost: number;
  /** Every assertion of the scenario held. */
  survived: boolean;
}

export interface LoadShape {
  /** How long each burst of load runs before (or while) the fault strikes. */
  loadMs: number;
  workers: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (a: Acknowledged) => a.users.length + a.products.length + a.data.length;

async function until(what: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await what().catch(() => false)) return true;
    await sleep(100);
  }
  return false;
}

async function ownerToken(server: RunningServer): Promise<string> {
  await postJson(`${server.url}/register`, { username: 'owner', password: 'password1' });
  return (await postJson(`${server.url}/login`, { username: 'owner', password: 'password1' })).body.access_token as string;
}

/** Every acknowledged write readable, and the read models equal to a fresh replay of the log. */
/** The log as the servers read it: their event store, personal fields opened with their keys. */
/** The log as a service configured with `env` reads it: personal fields opened with the accounts' keys. */
export async function openLogAs(env: Record<string, string>): Promise<EventStore> {
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const raw = config.eventStoreUrl ? openEventStoreDb(config.eventStoreUrl) : await openEmbeddedEventStore({ dir: join(config.dataDir, 'events') });
  const personal = await openPersonalData(config, raw);
  return {
    ...personal.eventStore,
    async close() {
      await personal.dataKeys.close();
      await raw.close();
    },
  };
}

async function checkEverything(
  t: Test,
  servers: RunningServer[],
  token: string,
  acked: Acknowledged,
  openLog: () => Promise<EventStore>,
  redis: { url: string; prefix: string },
): Promise<number> {
  let lost = 0;
  for (const server of servers) {
    const missing = await missingWrites(server.url, token, acked);
    lost = Math.max(lost, missing.length);
    t.same(missing, [], `every acknowledged write is there (${server.url})`);
  }
  for (const server of servers) t.equal(await server.stop('SIGTERM'), 0, 'graceful stop');
  const eventStore = await openLog();
  const readStore = await openRedisReadStore({ url: redis.url, prefix: redis.prefix });
  await expectEqualToReplay(t, eventStore, readStore);
  return lost;
}

/**
 * Fault 1: kill -9 under write load, `rounds` times, restarting each time.
 * A registration cut off by a kill either happened completely or not at all.
 */
export async function crashUnderLoad(t: Test, options: LoadShape & { rounds: number }): Promise<FaultResult> {
  const prefix = `test:${randomUUID()}:`;
  t.teardown(() => deletePrefix(REDIS_URL, prefix));
  const env = { DATA_DIR: tempDir(t), REDIS_URL, REDIS_KEY_PREFIX: prefix };
  let server = await startServer(t, env);
  const token = await ownerToken(server);

  const acked = emptyAcknowledged();
  for (let round = 0; round < options.rounds; round += 1) {
    const stop = new AbortController();
    const current = server;
    const load = writeLoad({ baseUrl: () => current.url, token, workers: options.workers, tag: `r${round}`, stop: stop.signal }, acked);
    await sleep(options.loadMs);
    t.equal(await server.stop('SIGKILL'), 'SIGKILL', `round ${round}: killed under load`);
    stop.abort();
    await load;
    server = await startServer(t, env);
  }
  t.ok(count(acked) > 10 * options.rounds, `${count(acked)} writes acknowledged before the kills`);
  t.notOk(acked.statuses[500], 'no 500 while it ran');
  for (const user of acked.unacknowledgedUsers) {
    const login = await postJson(`${server.url}/login`, user);
    if (![200, 401].includes(login.status)) t.fail(`${user.username}: neither whole nor absent (${login.status})`);
  }
  const lost = await checkEverything(
    t,
    [server],
    token,
    acked,
    () => openLogAs(env),
    { url: REDIS_URL, prefix },
  );
  return { fault: 'kill -9 under load', acknowledged: count(acked), lost, survived: t.passing() };
}

/**
 * Fault 2: Redis killed under load and started again (`outages` times).
 * Commands answer correctly or 503 (never 500, never a hang), queries answer
 * 503 while it is down, and projections resume from their checkpoints.
 */
export async function redisOutage(t: Test, options: LoadShape & { outages: number; outageMs: number }): Promise<FaultResult> {
  const redis = await privateRedis(t);
  const env = { DATA_DIR: tempDir(t), REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'chronicle:' };
  const server = await startServer(t, env);
  const token = await ownerToken(server);
  const auth = { authorization: `Bearer ${token}` };
  const product = await postJson(`${server.url}/products`, { name: 'Before', description: 'the outage' }, auth);
  t.equal(product.status, 201);

  const stop = new AbortController();
  const acked = emptyAcknowledged();
  const load = writeLoad(
    { baseUrl: () => server.url, token, workers: options.workers, tag: 'redis', stop: stop.signal, giveUpAfter: 1_000_000 },
    acked,
  );
  const queries: { status: number; ms: number; body: unknown }[] = [];
  for (let outage = 0; outage < options.outages; outage += 1) {
    await sleep(options.loadMs);
    await redis.kill();
    const outageEnds = Date.now() + options.outageMs;
    while (Date.now() < outageEnds) {
      const started = Date.now();
      const res = await fetch(`${server.url}/products/${product.body.id}`, { headers: auth, signal: AbortSignal.timeout(10_000) });
      queries.push({ status: res.status, ms: Date.now() - started, body: await res.json() });
      await sleep(50);
    }
    t.equal((await fetch(`${server.url}/ready`)).status, 503, `outage ${outage}: /ready says not ready`);
    await redis.start();
    t.ok(await until(async () => (await fetch(`${server.url}/ready`)).status === 200), `outage ${outage}: ready again without a restart`);
  }
  await sleep(300);
  stop.abort();
  await load;

  t.ok(queries.every((q) => q.status === 503 || q.status === 200), 'queries answered 503 or 200 during outages');
  t.ok(queries.some((q) => q.status === 503), 'queries saw the outage');
  t.ok(queries.every((q) => q.ms < 3000), `no query hung (slowest ${Math.max(...queries.map((q) => q.ms))} ms)`);
  t.match(queries.find((q) => q.status === 503)?.body, { error: /unavailable/ }, '503 in the family envelope, with a clear message');
  t.notOk(acked.statuses[500], `no 500 (${JSON.stringify(acked.statuses)})`);
  t.notOk(acked.statuses[0], 'every request was answered');
  t.ok(count(acked) > 10, `${count(acked)} writes acknowledged`);
  const lost = await checkEverything(
    t,
    [server],
    token,
    acked,
    () => openLogAs(env),
    { url: redis.url, prefix: 'chronicle:' },
  );
  return { fault: 'Redis down and back', acknowledged: count(acked), lost, survived: t.passing() };
}

/**
 * Fault 3: the event store (the EventStoreDB emulator) killed and restarted
 * under load (`outages` times): 503 with a clear message while it is gone, no
 * partial state, recovery without a restart.
 */
export async function eventStoreOutage(
  t: Test,
  options: LoadShape & { outages: number; outageMs: number; batchAppend: boolean },
): Promise<FaultResult> {
  let emulator = await startEmulator({ batchAppend: options.batchAppend });
  t.teardown(() => emulator.stop());
  const prefix = `test:${randomUUID()}:`;
  t.teardown(() => deletePrefix(REDIS_URL, prefix));
  const serverEnv = { DATA_DIR: tempDir(t), EVENTSTORE_URL: emulator.url, REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const server = await startServer(t, serverEnv);
  const base = server.url;
  const token = await ownerToken(server);
  const auth = { authorization: `Bearer ${token}` };
  const product = await postJson(`${base}/products`, { name: 'Kept', description: 'across the outage' }, auth);
  t.equal(product.status, 201);

  const stop = new AbortController();
  const acked = emptyAcknowledged();
  const load = writeLoad(
    { baseUrl: () => base, token, workers: options.workers, tag: 'es', stop: stop.signal, giveUpAfter: 1_000_000 },
    acked,
  );
  for (let outage = 0; outage < options.outages; outage += 1) {
    await sleep(options.loadMs);
    await emulator.stop();
    const register = await postJson(`${base}/register`, { username: `during${outage}`, password: 'password1' });
    t.equal(register.status, 503, 'a command answers 503');
    t.match(register.body, { error: /unavailable/ }, 'with a clear message in the family envelope');
    t.equal(register.headers.get('retry-after'), '1');
    const data = await postJson(`${base}/api/data`, { key: `k${outage}`, value: 1 }, auth);
    t.equal(data.status, 503);
    t.match(data.body, { status: 'error', code: 'SERVICE_UNAVAILABLE' }, "D's envelope");
    t.equal((await fetch(`${base}/products/${product.body.id}`, { headers: auth })).status, 200, 'queries still answer');
    t.equal((await fetch(`${base}/ready`)).status, 503, 'not ready');
    await sleep(options.outageMs);
    emulator = await emulator.restart();
    t.ok(await until(async () => (await fetch(`${base}/ready`)).status === 200), 'ready again without a restart');
    const after = await postJson(`${base}/register`, { username: `during${outage}`, password: 'password1' });
    t.equal(after.status, 201, 'the refused registration left nothing behind: its name is free');
  }
  await sleep(300);
  stop.abort();
  await load;
  t.notOk(acked.statuses[500], `no 500 (${JSON.stringify(acked.statuses)})`);
  t.ok(count(acked) > 10, `${count(acked)} writes acknowledged`);
  const lost = await checkEverything(t, [server], token, acked, () => openLogAs({ ...serverEnv, EVENTSTORE_URL: emulator.url }), {
    url: REDIS_URL,
    prefix,
  });
  return { fault: 'event store down and back', acknowledged: count(acked), lost, survived: t.passing() };
}

/**
 * Fault 4: two instances on one event store (the emulator) and one Redis,
 * both running projections, written to concurrently: uniqueness holds across
 * them, tokens work on both, and no event is applied twice.
 */
/**
 * Two service processes on one event store (the emulator, BatchAppend) and one
 * Redis under a prefix of their own, with the same secrets (one DATA_KEY_SECRET
 * for both: the same stream names, and keys both can unwrap). Everything is
 * stopped and cleaned up in teardown.
 */
export async function twoServersOnOneLog(t: Test) {
  const emulator = await startEmulator({ batchAppend: true });
  t.teardown(() => emulator.stop());
  const prefix = `test:${randomUUID()}:`;
  t.teardown(() => deletePrefix(REDIS_URL, prefix));
  const shared = {
    EVENTSTORE_URL: emulator.url,
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    JWT_SECRET: randomUUID() + randomUUID(),
    OTP_SECRET: randomUUID() + randomUUID(),
    DATA_KEY_SECRET: randomUUID() + randomUUID(),
  };
  const servers = await Promise.all([
    startServer(t, { ...shared, DATA_DIR: tempDir(t) }),
    startServer(t, { ...shared, DATA_DIR: tempDir(t) }),
  ]);
  return { emulator, prefix, shared, servers };
}

export async function twoInstances(t: Test, options: LoadShape & { racers: number }): Promise<FaultResult> {
  const { prefix, shared, servers } = await twoServersOnOneLog(t);
  const via = (i: number) => servers[i % 2]!.url;

  const race = await Promise.all(
    Array.from({ length: options.racers }, (_, i) => postJson(`${via(i)}/register`, { username: 'OneName', password: `password-${i}` })),
  );
  t.same(race.map((r) => r.status).sort(), [201, ...Array(options.racers - 1).fill(409)], `one username, ${options.racers} tries through both: one 201`);
  const emails = await Promise.all(
    Array.from({ length: options.racers }, (_, i) =>
      postJson(`${via(i)}/register`, { username: `mail${i}`, password: 'password1', email: 'one@example.com' }),
    ),
  );
  t.same(emails.map((r) => r.status).sort(), [201, ...Array(options.racers - 1).fill(409)], 'one email through both: one 201');

  const token = await ownerToken(servers[0]!);
  t.equal((await fetch(`${via(1)}/products`, { headers: { authorization: `Bearer ${token}` } })).status, 200, 'a token from one works on the other');

  const stop = new AbortController();
  let turn = 0;
  const load = writeLoad({ baseUrl: () => via(turn++), token, workers: options.workers, tag: 'two', stop: stop.signal }, emptyAcknowledged());
  await sleep(options.loadMs);
  stop.abort();
  const acked = await load;
  t.ok(count(acked) > 20, `${count(acked)} writes acknowledged through both`);
  t.notOk(acked.statuses[500], `no 500 (${JSON.stringify(acked.statuses)})`);
  const lost = await checkEverything(t, servers, token, acked, () => openLogAs({ ...shared, DATA_DIR: tempDir(t) }), { url: REDIS_URL, prefix });
  return { fault: 'two instances', acknowledged: count(acked), lost, survived: t.passing() };
}
