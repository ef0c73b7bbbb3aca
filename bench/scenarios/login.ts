// Sign-in throughput against the machine's own argon2 rate: the raw hash
// rate is measured here first with the service's parameters (default
// OWASP argon2id: 19 MiB, 2 passes, 1 lane), then POST /login is loaded with
// many accounts while GET /health is probed at a steady rate beside it.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { call, inParallel, type User } from '../lib/client.js';
import { load, probe, type LoadResult } from '../lib/load.js';
import { clean, fromLoad, pct, round, type Result } from '../lib/results.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PARAMS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const ACCOUNTS = 50;
const ROUNDS = 3;

/** Hashes per second with `concurrency` hashes in flight (libuv's pool runs them). */
async function rawArgon2Rate(seconds: number, concurrency: number): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await argon2.hash('correct horse battery staple', PARAMS);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export async function login(base: string): Promise<Result> {
  const users: { username: string; password: string }[] = [];
  await inParallel(ACCOUNTS, 4, async (i) => {
    const username = `login_${i}`;
    const password = `login-password-${i}`;
    await call(base, 'POST', '/register', { body: { username, password }, expect: 201 });
    users.push({ username, password });
  });
  const first = await call(base, 'POST', '/login', { body: users[0], expect: 200 });
  assert.deepEqual((await call(base, 'GET', '/health', { expect: 200 })).json?.status, 'ok');
  assert.equal(typeof first.json.access_token, 'string');

  // The machine's speed drifts over a run, so the raw rate and the login rate are measured in
  // alternating rounds and compared round by round; the result is the median round. The raw
  // rate of a round is the best the machine does: hashes in flight as many as cores, or as
  // libuv has threads.
  const cores = availableParallelism();
  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const slice = DURATION;
  let n = 0;
  let tokenless = 0;
  const bodies = users.map((u) => JSON.stringify(u));
  const rounds: { raw: number; rawByConcurrency: Record<number, number>; logins: LoadResult; health: LoadResult; ratio: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const rawByConcurrency: Record<number, number> = {};
    for (const concurrency of new Set([cores, threads])) rawByConcurrency[concurrency] = await rawArgon2Rate(slice / 2, concurrency);
    const raw = Math.max(...Object.values(rawByConcurrency));
    const [logins, health] = await Promise.all([
      load({
        url: `${base}/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: 50,
        duration: slice,
        warmupSeconds: 1,
        setupRequest: (request) => ({ ...request, body: bodies[n++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status === 200 && typeof JSON.parse(body).access_token !== 'string') tokenless += 1;
        },
      }),
      probe(`${base}/health`, { rate: 20, seconds: slice }),
    ]);
    rounds.push({ raw, rawByConcurrency, logins, health, ratio: logins.requestsPerSecond / raw });
  }
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  const healthP99 = Math.max(...rounds.map((r) => r.health.latencyMs.p99));
  const allClean = rounds.every((r) => clean(r.logins) && clean(r.health)) && tokenless === 0;
  return {
    scenario: 'POST /login',
    target: '≥ 90% of the raw argon2 rate; GET /health p99 < 25 ms meanwhile',
    pass: allClean && median.ratio >= 0.9 && healthP99 < 25,
    measured:
      `${median.logins.requestsPerSecond} logins/s = ${pct(median.ratio)} of raw argon2 ${round(median.raw, 1)}/s ` +
      `(median of ${ROUNDS} rounds: ${rounds.map((r) => pct(r.ratio)).join(', ')}); /health p99 ${healthP99} ms (worst round)`,
    configuration: {
      argon2: PARAMS,
      accounts: ACCOUNTS,
      connections: 50,
      rounds: ROUNDS,
      secondsPerRound: slice,
      rawConcurrency: [...new Set([cores, threads])],
      healthProbe: '20 req/s, 1 connection, autocannon in its own process',
    },
    rawArgon2PerSecond: round(median.raw, 1),
    ratioToArgon2: round(median.ratio, 3),
    ...fromLoad(median.logins),
    health: fromLoad(median.health),
    rounds: rounds.map((r) => ({
      rawArgon2PerSecond: round(r.raw, 1),
      rawArgon2ByConcurrency: Object.fromEntries(Object.entries(r.rawByConcurrency).map(([c, v]) => [c, round(v, 1)])),
      loginsPerSecond: r.logins.requestsPerSecond,
      ratio: round(r.ratio, 3),
      healthP99Ms: r.health.latencyMs.p99,
    })),
  };
}

/** Signs up the first account of a fresh log (id 1: the owner of everything seeded). */
export async function owner(base: string): Promise<User> {
  const username = 'owner';
  const password = 'owner-password-1';
  const reg = await call(base, 'POST', '/register', { body: { username, password }, expect: 201 });
  assert.equal(reg.json.id, 1, 'the owner must be the first account: the seeded log gives user 1 its products and data');
  const token = (await call(base, 'POST', '/login', { body: { username, password }, expect: 200 })).json.access_token;
  return { id: 1, username, password, token };
}
