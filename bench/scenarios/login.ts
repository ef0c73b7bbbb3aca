// Sign-in throughput against the machine's own argon2 rate: the raw hash
// rate is measured here first with the service's parameters (default
// OWASP argon2id: 19 MiB, 2 passes, 1 lane), then POST /login is loaded with
// many accounts while GET /health is probed at a steady rate beside it.
import assert from 'node:assert/strict';
import argon2 from 'argon2';
import { call, inParallel, type User } from '../lib/client.js';
import { load } from '../lib/load.js';
import { clean, fromLoad, pct, round, type Result } from '../lib/results.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PARAMS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const ACCOUNTS = 50;

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
  assert.equal(typeof first.json.access_token, 'string');

  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const raw = await rawArgon2Rate(DURATION, threads);
  let n = 0;
  let tokenless = 0;
  const bodies = users.map((u) => JSON.stringify(u));
  const [logins, health] = await Promise.all([
    load({
      url: `${base}/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: 50,
      duration: DURATION,
      setupRequest: (request) => ({ ...request, body: bodies[n++ % bodies.length] }),
      onResponse: (status, body) => {
        if (status === 200 && typeof JSON.parse(body).access_token !== 'string') tokenless += 1;
      },
    }),
    load({ url: `${base}/health`, connections: 1, overallRate: 20, duration: DURATION, expectBody: (await call(base, 'GET', '/health', { expect: 200 })).text }),
  ]);
  const ratio = logins.requestsPerSecond / raw;
  return {
    scenario: 'POST /login',
    target: '≥ 90% of the raw argon2 rate; GET /health p99 < 25 ms meanwhile',
    pass: clean(logins) && tokenless === 0 && clean(health) && ratio >= 0.9 && health.latencyMs.p99 < 25,
    measured:
      `${logins.requestsPerSecond} logins/s = ${pct(ratio)} of raw argon2 ${round(raw, 1)}/s; ` +
      `/health p99 ${health.latencyMs.p99} ms`,
    configuration: { argon2: PARAMS, accounts: ACCOUNTS, connections: 50, rawConcurrency: threads, healthRate: 20, seconds: DURATION },
    rawArgon2PerSecond: round(raw, 1),
    ratioToArgon2: round(ratio, 3),
    ...fromLoad(logins),
    health: fromLoad(health),
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
