// Abuse limits: AUTH_RATE_LIMIT attempts per minute per client address and per
// account on every sign-in, registration, code and reset route; 429 with
// Retry-After in the family's envelope; shared through Redis when REDIS_URL is set.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createMemoryCounter, openRedisCounter } from '../../src/infra/ratelimit.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { build, REDIS_URL } from '../support/app.js';
import { buildWithMail, deleteRedisPrefix, poster } from '../support/accounts.js';

t.test('the in-process counter: fixed one-minute windows', async (t) => {
  let now = 0;
  const counter = createMemoryCounter(() => new Date(now));
  t.same(await counter.hit('k'), { count: 1, resetInMs: 60_000 });
  now = 59_000;
  t.same(await counter.hit('k'), { count: 2, resetInMs: 1_000 });
  t.same(await counter.hit('other'), { count: 1, resetInMs: 60_000 });
  now = 60_000;
  t.same(await counter.hit('k'), { count: 1, resetInMs: 60_000 }, 'a new window');
});

t.test('the Redis counter is shared by every instance', async (t) => {
  const prefix = `test:${randomUUID()}:`;
  const a = await openRedisCounter(REDIS_URL, prefix);
  const b = await openRedisCounter(REDIS_URL, prefix);
  t.teardown(async () => {
    await a.close();
    await b.close();
    await deleteRedisPrefix(prefix);
  });
  t.equal((await a.hit('k')).count, 1);
  t.equal((await b.hit('k')).count, 2);
  const third = await a.hit('k');
  t.equal(third.count, 3);
  t.ok(third.resetInMs > 55_000 && third.resetInMs <= 60_000, `expires with the window (${third.resetInMs} ms)`);
  t.equal((await b.hit('other')).count, 1);
});

t.test('sliding budgets: a charge is added only while the window stays within the budget; refunds give it back', async (t) => {
  let now = 0;
  const local = createMemoryCounter(() => new Date(now));
  const prefix = `test:${randomUUID()}:`;
  const shared = await openRedisCounter(REDIS_URL, prefix, 60_000, () => new Date(now));
  t.teardown(async () => {
    await shared.close();
    await deleteRedisPrefix(prefix);
  });
  const window = { bucketMs: 1000, buckets: 3, budget: 10 };
  for (const [name, counter] of [['in process', local], ['Redis', shared]] as const) {
    now = 0;
    const first = await counter.charge('b', 6, window);
    t.match(first, { ok: true, total: 6 }, `${name}: 6 of 10`);
    t.match(await counter.charge('b', 5, window), { ok: false, total: 6 }, `${name}: 11 would exceed 10: refused, nothing added`);
    now = 1500;
    t.match(await counter.charge('b', 4, window), { ok: true, total: 10 }, `${name}: exactly 10 fits`);
    await counter.refund(first);
    t.match(await counter.charge('b', 0, window), { ok: true, total: 4 }, `${name}: a refund takes its units back`);
    now = 4500;
    t.match(await counter.charge('b', 0, window), { ok: true, total: 0 }, `${name}: buckets older than the window are forgotten`);
    t.match(await counter.charge('unbounded', 1000, { ...window, budget: null }), { ok: true, total: 1000 }, `${name}: no budget: a plain sum`);
  }
});

type Check = (res: LightMyRequestResponse) => void;

t.test('every sign-in, registration, code and reset route is limited, in its family envelope', async (t) => {
  const m = await buildWithMail(t, { env: { AUTH_RATE_LIMIT: '3' } });
  let n = 0;
  const unique = () => `user${(n += 1)}`;
  const plain: Check = (res) => t.match(res.json(), { error: 'Too many attempts, please try again later' });
  const usersApi: Check = (res) =>
    t.same(res.json(), { statusCode: 429, responseCode: 429, error: 'Too many attempts, please try again later' });
  const registration: Check = (res) =>
    t.same(res.json(), { status: 'error', code: 'TOO_MANY_REQUESTS', message: 'Too many attempts, please try again later' });
  const routes: [string, string, () => object, Check, Record<string, string>?][] = [
    ['POST', '/register', () => ({ username: unique(), password: 'password-1' }), plain],
    ['POST', '/login', () => ({ username: unique(), password: 'password-1' }), plain],
    ['POST', '/reset', () => ({ username: unique(), email: `${unique()}@example.com` }), plain],
    ['POST', '/new-password', () => ({ username: unique(), otp: 123456, password: 'password-1' }), plain],
    ['POST', '/users/register', () => ({ username: unique(), email: `${unique()}@example.com`, password: 'password-1' }), usersApi],
    ['POST', '/users/login', () => ({ email: `${unique()}@example.com`, password: 'password-1' }), usersApi],
    ['POST', '/users/verify-sentcode', () => ({ email: `${unique()}@example.com`, password: 'password-1', code: '123456' }), usersApi],
    ['POST', '/users/resend-verification-code', () => ({ email: `${unique()}@example.com` }), usersApi],
    ['POST', '/users/reset-password', () => ({ email: `${unique()}@example.com` }), usersApi],
    ['POST', `/users/reset-password/1.${'A'.repeat(32)}`, () => ({ password: 'password-1' }), usersApi],
    ['DELETE', '/users/delete-user', () => ({ email: `${unique()}@example.com`, password: 'password-1' }), usersApi],
    ['POST', '/auth', () => ({ username: unique(), password: 'password-1' }), plain],
    ['POST', '/auth/create', () => ({ username: unique(), email: `${unique()}@example.com`, password: 'password-1' }), plain],
    ['POST', '/auth/forgot', () => ({ email: `${unique()}@example.com` }), plain],
    ['POST', '/auth/forgot/otp', () => ({ otp: '123456' }), plain],
    ['POST', '/auth/forgot/reset', () => ({ new_password: 'password-1' }), plain, { authentication: `2.${'B'.repeat(32)}` }],
    ['POST', '/api/register', () => ({ username: unique(), email: `${unique()}@example.com`, password: 'password-1', full_name: 'F', gender: 'x' }), registration],
    ['POST', '/api/token', () => ({ username: unique(), password: 'password-1' }), registration],
  ];
  let address = 0;
  for (const [method, url, body, check, headers] of routes) {
    const remoteAddress = `10.0.0.${(address += 1)}`;
    const send = () =>
      m.app.inject({
        method: method as 'POST',
        url,
        remoteAddress,
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify(body()),
      });
    for (let i = 1; i <= 3; i++) t.not((await send()).statusCode, 429, `${url} attempt ${i} passes`);
    const limited = await send();
    t.equal(limited.statusCode, 429, `${url}: the fourth attempt from one address is refused`);
    const retryAfter = Number(limited.headers['retry-after']);
    t.ok(retryAfter >= 1 && retryAfter <= 60, `${url}: Retry-After ${retryAfter}`);
    check(limited);
  }
  for (let i = 0; i < 6; i++) {
    const res = await m.app.inject({ method: 'GET', url: '/logout', remoteAddress: '10.0.0.1' });
    t.equal(res.statusCode, 200, 'logout is not limited');
  }
});

t.test('per account: one username from many addresses', async (t) => {
  const { app } = await build(t, { env: { AUTH_RATE_LIMIT: '3' } });
  await poster(app)('/register', { username: 'target', password: 'password-t' });
  const attempt = (remoteAddress: string, username = 'target', password = 'wrong-password') =>
    app.inject({ method: 'POST', url: '/login', remoteAddress, payload: { username, password } });
  for (let i = 1; i <= 3; i++) t.equal((await attempt(`10.1.0.${i}`)).statusCode, 401);
  t.equal((await attempt('10.1.0.9', 'TARGET')).statusCode, 429, 'the account is limited, whatever the case');
  t.equal((await attempt('10.1.0.9', 'TARGET', 'password-t')).statusCode, 429, 'even with the right password');
  t.equal((await attempt('10.1.0.9', 'someone_else')).statusCode, 401, 'other accounts from that address are not');
});

t.test('shared across instances through Redis', async (t) => {
  const prefix = `test:${randomUUID()}:`;
  t.teardown(() => deleteRedisPrefix(prefix));
  const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, AUTH_RATE_LIMIT: '2' };
  const storeA = createMemoryReadStore();
  const storeB = createMemoryReadStore();
  t.teardown(async () => {
    await storeA.close();
    await storeB.close();
  });
  const one = await build(t, { env, readStore: storeA });
  const two = await build(t, { env, readStore: storeB });
  const login = (app: typeof one.app) =>
    app.inject({ method: 'POST', url: '/login', remoteAddress: '10.2.0.1', payload: { username: `x${randomUUID().slice(0, 8)}`, password: 'p' } });
  t.equal((await login(one.app)).statusCode, 401);
  t.equal((await login(two.app)).statusCode, 401);
  const third = await login(one.app);
  t.equal(third.statusCode, 429, 'the third attempt, counted on both instances');
  t.equal((await login(two.app)).statusCode, 429);
});

t.test('AUTH_RATE_LIMIT=0 turns the limits off (the per-code attempt limit stays)', async (t) => {
  const { app } = await build(t);
  const post = poster(app);
  for (let i = 0; i < 25; i++) {
    t.equal((await post('/login', { username: 'same', password: 'password-1' })).statusCode, 401);
  }
});
