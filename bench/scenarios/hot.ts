// Write contention: 50 clients updating one D key (and one product), through
// one instance and through two instances on one event store and one Redis;
// and the uncontended write path (distinct keys), whose cost the per-stream
// queue must not raise by more than 5%.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startEmulator } from '../../test/support/esdb-emulator.js';
import { deletePrefix } from '../../test/support/redis-cleanup.js';
import { call, signUp, type User } from '../lib/client.js';
import { load, type LoadResult } from '../lib/load.js';
import { fromLoad, round, type Result } from '../lib/results.js';
import { startService, type Service } from '../lib/service.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

/** A fresh service over an empty embedded log (contention does not depend on the log's size). */
async function freshService(redisUrl: string, extra: Record<string, string> = {}, dist?: string): Promise<{ service: Service; dir: string; prefix: string; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-hot-'));
  const prefix = `chronicle-bench-hot-${randomUUID()}:`;
  const service = await startService({ DATA_DIR: dir, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, ...extra }, dist);
  return { service, dir, prefix, done: async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
    await deletePrefix(redisUrl, extra.REDIS_KEY_PREFIX ?? prefix);
  } };
}

/** PUTs to one path from `connections` clients; every answer must be 200. */
function hammer(base: string, path: string, token: string, body: (n: number) => unknown, connections: number, seconds = DURATION) {
  let n = 0;
  return load({
    url: base + path,
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections,
    duration: seconds,
    warmupSeconds: 1,
    setupRequest: (request) => ({ ...request, body: JSON.stringify(body(n++)) }),
  });
}

const non2xx = (r: LoadResult) => r.wrongAnswers + r.errors + r.timeouts;

function hotResult(scenario: string, target: string, r: LoadResult, configuration: Record<string, unknown>): Result {
  const failed = non2xx(r);
  return {
    scenario,
    target,
    pass: failed === 0 && r.requests > 0 && r.requestsPerSecond >= 1000,
    measured: `${r.requestsPerSecond} updates/s answered, ${failed} non-2xx of ${r.requests} (${round((100 * failed) / Math.max(1, r.requests), 2)}%), p99 ${r.latencyMs.p99} ms`,
    configuration: { connections: r.connections, seconds: r.durationSeconds, ...configuration },
    ...fromLoad(r),
    non2xx: failed,
  };
}

export async function hotKeyOneInstance(redisUrl: string): Promise<Result[]> {
  const fresh = await freshService(redisUrl);
  const { service } = fresh;
  try {
    const user = await signUp(service.url, 'hot_owner');
    await call(service.url, 'POST', '/api/data', { token: user.token, body: { key: 'hot', value: 0 }, expect: 201 });
    const key = await hammer(service.url, '/api/data/hot', user.token, (n) => ({ value: n }), 50);
    const product = await call(service.url, 'POST', '/products', { token: user.token, body: { name: 'Hot', description: 'one product' }, expect: 201 });
    const id = product.json.id as number;
    const p = await hammer(service.url, `/products/${id}`, user.token, (n) => ({ name: `Hot ${n}`, description: 'updated' }), 50);
    const after = await call(service.url, 'GET', `/products/${id}`, { token: user.token, expect: 200 });
    assert.match(after.json.name, /^Hot \d+$/);
    return [
      hotResult('PUT /api/data/:key, one hot key, one instance', '50 connections: 0 non-2xx and ≥ 1,000 updates/s', key, { instances: 1, store: 'embedded' }),
      hotResult('PUT /products/:id, one hot product, one instance', '50 connections: 0 non-2xx and ≥ 1,000 updates/s', p, { instances: 1, store: 'embedded' }),
    ];
  } finally {
    await fresh.done();
  }
}

/** Two instances on one event store (the EventStoreDB emulator, in this process) and one Redis, 25 clients on each. */
export async function hotKeyTwoInstances(redisUrl: string): Promise<Result> {
  const emulator = await startEmulator({ batchAppend: true });
  const prefix = `chronicle-bench-two-${randomUUID()}:`;
  // One deployment: the same secrets on both (stream names are HMACs keyed from DATA_KEY_SECRET; without it
  // each instance generates its own under its DATA_DIR, names another stream, and B answered 404 to every update).
  const shared = {
    EVENTSTORE_URL: emulator.url,
    JWT_SECRET: randomUUID() + randomUUID(),
    OTP_SECRET: randomUUID() + randomUUID(),
    DATA_KEY_SECRET: randomUUID() + randomUUID(),
  };
  const a = await freshService(redisUrl, { ...shared, REDIS_KEY_PREFIX: prefix });
  const b = await freshService(redisUrl, { ...shared, REDIS_KEY_PREFIX: prefix });
  try {
    const user: User = await signUp(a.service.url, 'hot_owner');
    await call(a.service.url, 'POST', '/api/data', { token: user.token, body: { key: 'hot', value: 0 }, expect: 201 });
    await call(b.service.url, 'GET', '/api/data/hot', { token: user.token, expect: 200 });
    const [ra, rb] = await Promise.all([
      hammer(a.service.url, '/api/data/hot', user.token, (n) => ({ value: `a${n}` }), 25),
      hammer(b.service.url, '/api/data/hot', user.token, (n) => ({ value: `b${n}` }), 25),
    ]);
    const requests = ra.requests + rb.requests;
    const failed = non2xx(ra) + non2xx(rb);
    const share = failed / Math.max(1, requests);
    const rps = ra.requestsPerSecond + rb.requestsPerSecond;
    return {
      scenario: 'PUT /api/data/:key, one hot key, two instances',
      target: '≤ 1% non-2xx (two instances on one event store and one Redis)',
      pass: requests > 0 && share <= 0.01,
      measured: `${rps} updates/s answered (${ra.requestsPerSecond} + ${rb.requestsPerSecond}), ${failed} non-2xx of ${requests} (${round(100 * share, 2)}%), p99 ${Math.max(ra.latencyMs.p99, rb.latencyMs.p99)} ms`,
      configuration: { instances: 2, connectionsEach: 25, seconds: DURATION, store: 'EventStoreDB emulator (in the benchmark process)', readModels: 'one Redis' },
      requestsPerSecond: rps,
      requests,
      non2xx: failed,
      perInstance: [fromLoad(ra), fromLoad(rb)],
    };
  } finally {
    await a.done();
    await b.done();
    await emulator.stop();
  }
}

/** POSTs of distinct keys: no two commands share a stream, so the queue is never waited on. */
export async function uncontendedWrites(redisUrl: string, dist?: string): Promise<Result> {
  const fresh = await freshService(redisUrl, {}, dist);
  const { service } = fresh;
  try {
    const user = await signUp(service.url, 'cold_owner');
    const runs: Record<string, LoadResult> = {};
    const cpu: Record<string, number> = {};
    for (const connections of [1, 50]) {
      let n = 0;
      const cpuBefore = service.cpuMs();
      runs[connections] = await load({
        url: `${service.url}/api/data`,
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        expectStatus: 201,
        connections,
        duration: DURATION,
        warmupSeconds: 1,
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ key: `c${connections}-${n++}`, value: n }) }),
      });
      // The service's CPU per write (warm-up included in both): steadier than req/s on a shared machine.
      cpu[connections] = round((service.cpuMs() - cpuBefore) / Math.max(1, n), 3);
    }
    const one = runs[1]!;
    const fifty = runs[50]!;
    return {
      scenario: 'POST /api/data, distinct keys (uncontended)',
      target: 'reference for the per-stream queue\'s cost (≤ 5% against the build before it, same sitting)',
      pass: null,
      measured: `1 connection ${one.requestsPerSecond} req/s (p50 ${one.latencyMs.p50} ms, ${cpu[1]} ms CPU a write); 50 connections ${fifty.requestsPerSecond} req/s (${cpu[50]} ms CPU a write); ${non2xx(one) + non2xx(fifty)} non-2xx`,
      configuration: { seconds: DURATION, build: dist ?? process.env.BENCH_DIST ?? 'dist' },
      oneConnection: { ...fromLoad(one), cpuMsPerWrite: cpu[1] },
      fiftyConnections: { ...fromLoad(fifty), cpuMsPerWrite: cpu[50] },
    };
  } finally {
    await fresh.done();
  }
}

/**
 * The queue's cost on the uncontended path: this build against another one
 * (BENCH_BEFORE_DIST, e.g. the commit before the queue), alternating in one
 * sitting so that the shared machine's drift falls on both alike.
 */
export async function queueCost(redisUrl: string, beforeDist: string, rounds = 5): Promise<Result> {
  const before: Result[] = [];
  const after: Result[] = [];
  for (let i = 0; i < rounds; i += 1) {
    before.push(await uncontendedWrites(redisUrl, beforeDist));
    after.push(await uncontendedWrites(redisUrl, 'dist'));
  }
  const median = (runs: Result[], which: 'oneConnection' | 'fiftyConnections') =>
    runs.map((r) => (r[which] as { requestsPerSecond: number }).requestsPerSecond).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const cpuMedian = (runs: Result[], which: 'oneConnection' | 'fiftyConnections') =>
    runs.map((r) => (r[which] as { cpuMsPerWrite: number }).cpuMsPerWrite).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const one = median(after, 'oneConnection') / median(before, 'oneConnection');
  const fifty = median(after, 'fiftyConnections') / median(before, 'fiftyConnections');
  // CPU per write is the cost the queue could add; req/s on this shared machine moves by tens of percent between runs.
  const cpuOne = cpuMedian(after, 'oneConnection') / cpuMedian(before, 'oneConnection');
  const cpuFifty = cpuMedian(after, 'fiftyConnections') / cpuMedian(before, 'fiftyConnections');
  return {
    scenario: 'uncontended writes, after vs before the per-stream queue',
    target: 'service CPU per write within 5% of the build before (medians of alternating runs); req/s for reference',
    pass: cpuOne <= 1.05 && cpuFifty <= 1.05,
    measured: `CPU a write: 1 connection ${cpuMedian(after, 'oneConnection')} vs ${cpuMedian(before, 'oneConnection')} ms (${round(100 * cpuOne)}%), 50 connections ${cpuMedian(after, 'fiftyConnections')} vs ${cpuMedian(before, 'fiftyConnections')} ms (${round(100 * cpuFifty)}%); req/s 1 connection ${median(after, 'oneConnection')} vs ${median(before, 'oneConnection')} (${round(100 * one)}%), 50 connections ${median(after, 'fiftyConnections')} vs ${median(before, 'fiftyConnections')} (${round(100 * fifty)}%); ${rounds} rounds each`,
    configuration: { rounds, seconds: DURATION, before: beforeDist, after: 'dist' },
    before: before.map((r) => r.measured),
    after: after.map((r) => r.measured),
  };
}
