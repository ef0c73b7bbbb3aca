// Limits that count accounts, not spellings (issue 12, item 2): one password
// budget per account across every family, route and identifier; a few mails
// per recipient per hour whatever the route, answered as usual beyond that;
// TRUST_PROXY decides whose X-Forwarded-For is believed; limited routes send
// the RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-11).
import t from 'tap';
import type { LightMyRequestResponse } from 'fastify';
import { ConfigError, loadConfig } from '../../src/config.js';
import { build } from '../support/app.js';
import { buildWithMail, registerVerifiedB } from '../support/accounts.js';
import { instancesSharingRedis } from '../support/hostile-accounts.js';

const json = { 'content-type': 'application/json' };

t.test('28 wrong passwords in one second through E /login, B /users/login and verify-sentcode: one budget of 10', async (t) => {
  const m = await buildWithMail(t, { env: { AUTH_RATE_LIMIT: '10' } });
  await registerVerifiedB(m, 'Ada_L', 'ada@example.com', 'right-password');
  let address = 0;
  // A new address for every attempt, so only the per-account budget can count them.
  const send = (url: string, payload: unknown, method: 'POST' | 'DELETE' = 'POST') =>
    m.app.inject({ method, url, headers: json, payload: JSON.stringify(payload), remoteAddress: `10.20.${Math.floor(address / 200)}.${(address++ % 200) + 1}` });
  const attempts: [string, () => Promise<LightMyRequestResponse>][] = [];
  const spellings = ['Ada_L', 'ada_l', 'ADA_L'];
  const emails = ['ada@example.com', 'ADA@example.com', ' Ada@Example.com '];
  for (let i = 0; i < 10; i++) attempts.push(['E /login', () => send('/login', { username: spellings[i % 3], password: `wrong-${i}` })]);
  for (let i = 0; i < 10; i++) attempts.push(['B /users/login', () => send('/users/login', { email: emails[i % 3], password: `wrong-${i}` })]);
  for (let i = 0; i < 8; i++) attempts.push(['B verify-sentcode', () => send('/users/verify-sentcode', { email: emails[i % 3], password: `wrong-${i}`, code: '123456' })]);
  const answered = await Promise.all(attempts.map(([, go]) => go()));
  const checked = answered.filter((res) => res.statusCode !== 429);
  // Confirming the email checked the password once already this minute: 1 + 9 = 10.
  t.equal(checked.length, 9, `9 of 28 attempts reached a password check (${answered.map((r) => r.statusCode).join(' ')})`);
  for (const [url, body] of [
    ['/auth', { username: 'ada_l', password: 'right-password' }],
    ['/api/token', { username: 'ADA_L', password: 'right-password' }],
    ['/users/login', { email: 'ada@example.com', password: 'right-password' }],
  ] as const) {
    t.equal((await send(url, body)).statusCode, 429, `${url}: the account's budget is spent, even with the right password`);
  }
  t.equal((await send('/users/delete-user', { email: 'ada@example.com', password: 'right-password' }, 'DELETE')).statusCode, 429, 'delete-user checks the password: the same budget');
  t.equal((await send('/login', { username: 'someone_else', password: 'wrong-password' })).statusCode, 401, 'other accounts are not limited');
});

t.test('an unknown account is counted like a known one, by its identifier in any case', async (t) => {
  const { app } = await build(t, { env: { AUTH_RATE_LIMIT: '3' } });
  const attempt = (username: string, i: number) =>
    app.inject({ method: 'POST', url: '/login', remoteAddress: `10.21.0.${i}`, headers: json, payload: JSON.stringify({ username, password: 'wrong-password' }) });
  for (let i = 1; i <= 3; i++) t.equal((await attempt(['ghost', 'GHOST', 'Ghost'][i - 1]!, i)).statusCode, 401);
  t.equal((await attempt('gHoSt', 9)).statusCode, 429, 'the fourth, however spelled, is refused as for a real account');
});

t.test('30 mail requests in one second to one mailbox: at most 5 mails an hour, every answer as usual', async (t) => {
  const m = await buildWithMail(t, { env: { MAIL_RECIPIENT_HOURLY_LIMIT: '5' } });
  const reg = await m.post('/auth/create', { username: 'mailbox', email: 'box@example.com', password: 'box-password' });
  t.equal(reg.statusCode, 201);
  const requests: [string, unknown][] = [];
  for (let i = 0; i < 10; i++) requests.push(['/auth/forgot', { email: 'box@example.com' }]);
  for (let i = 0; i < 10; i++) requests.push(['/reset', { username: 'mailbox', email: 'box@example.com' }]);
  for (let i = 0; i < 10; i++) requests.push(['/users/reset-password', { email: 'BOX@example.com' }]);
  const answers = await Promise.all(requests.map(([url, body]) => m.post(url, body)));
  const distinct = new Set(answers.map((res, i) => `${requests[i]![0]} ${res.statusCode} ${res.body}`));
  t.same(
    [...distinct].sort(),
    [
      '/auth/forgot 200 {"message":"password reset OTP sent to box@example.com"}',
      '/reset 200 {"message":"If the username and email belong to an account, an OTP has been sent to that email"}',
      '/users/reset-password 200 {"statusCode":200,"responseCode":612}',
    ],
    'one answer per route, the same whether a mail went out or not',
  );
  t.equal(m.sink.to('box@example.com').length, 5, '5 mails reached the mailbox, not 30');

  // The requests that mailed nothing issued nothing: the last code mailed still works.
  const last = m.sink.to('box@example.com').filter((mail) => /^[1-9][0-9]{5}$/m.test(mail.text)).at(-1);
  if (last) {
    const code = /^([1-9][0-9]{5})$/m.exec(last.text)![1]!;
    t.equal((await m.post('/auth/forgot/otp', { email: 'box@example.com', otp: code })).statusCode, 200, 'the last mailed code was not voided');
  }

  // Registration mails count too: B's verification code to a fresh address, then resends.
  await m.post('/users/register', { username: 'fresh_b', email: 'fresh@example.com', password: 'fresh-password' });
  for (let i = 0; i < 8; i++) {
    t.same((await m.post('/users/resend-verification-code', { email: 'fresh@example.com' })).json(), { statusCode: 200, responseCode: 616 }, `resend ${i + 1}: 616`);
  }
  t.equal(m.sink.to('fresh@example.com').length, 5, 'verification mails are capped the same way');
});

t.test('the mail cap is counted across instances sharing Redis', async (t) => {
  const { apps, sink } = await instancesSharingRedis(t, { MAIL_RECIPIENT_HOURLY_LIMIT: '5' });
  const post = (i: number, url: string, payload: unknown) =>
    apps[i % 2]!.inject({ method: 'POST', url, headers: json, payload: JSON.stringify(payload) });
  t.equal((await post(0, '/auth/create', { username: 'shared_box', email: 'shared-box@example.com', password: 'box-password' })).statusCode, 201);
  for (let i = 0; i < 9; i++) t.equal((await post(i, '/auth/forgot', { email: 'shared-box@example.com' })).statusCode, 200);
  t.equal(sink.to('shared-box@example.com').length, 5, '5 mails through two instances, not 9');
});

t.test('TRUST_PROXY takes addresses and CIDRs; anything else stops the start', async (t) => {
  const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/unused-trust-proxy', JWT_SECRET: 'x'.repeat(32), OTP_SECRET: 'y'.repeat(32) };
  t.same(loadConfig(base).trustProxy, [], 'unset: no proxy trusted');
  t.same(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustProxy, ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
  for (const bad of ['true', '10.0.0.1/33', 'proxy.example.com', '10.0.0.0/8/1', '*']) {
    t.throws(() => loadConfig({ ...base, TRUST_PROXY: bad }), ConfigError, `"${bad}" refused`);
  }
});

t.test('TRUST_PROXY: X-Forwarded-For is believed from the listed proxies only', async (t) => {
  const { app } = await build(t, { env: { AUTH_RATE_LIMIT: '2', TRUST_PROXY: '10.30.0.1, 10.31.0.0/16' } });
  const login = (remoteAddress: string, forwardedFor?: string) =>
    app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress,
      headers: { ...json, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      payload: JSON.stringify({ username: `u${Math.random().toString(36).slice(2, 10)}`, password: 'wrong-password' }),
    });
  // Behind the trusted proxy, each real client has its own count.
  t.equal((await login('10.30.0.1', '203.0.113.1')).statusCode, 401);
  t.equal((await login('10.30.0.1', '203.0.113.1')).statusCode, 401);
  t.equal((await login('10.30.0.1', '203.0.113.1')).statusCode, 429, 'the client behind the proxy is limited');
  t.equal((await login('10.30.0.1', '203.0.113.2')).statusCode, 401, 'another client behind the same proxy is not');
  t.equal((await login('10.31.7.9', '203.0.113.2')).statusCode, 401, 'a proxy in the trusted CIDR: the same client, counted together');
  t.equal((await login('10.31.7.9', '203.0.113.2')).statusCode, 429);
  // An untrusted peer cannot pick its address by sending the header.
  t.equal((await login('10.40.0.1', '198.51.100.1')).statusCode, 401);
  t.equal((await login('10.40.0.1', '198.51.100.2')).statusCode, 401);
  t.equal((await login('10.40.0.1', '198.51.100.3')).statusCode, 429, 'counted as the peer, whatever X-Forwarded-For says');
});

t.test('without TRUST_PROXY no X-Forwarded-For is believed', async (t) => {
  const { app } = await build(t, { env: { AUTH_RATE_LIMIT: '1' } });
  const login = (forwardedFor: string) =>
    app.inject({ method: 'POST', url: '/login', remoteAddress: '10.41.0.1', headers: { ...json, 'x-forwarded-for': forwardedFor }, payload: JSON.stringify({ username: `u${forwardedFor}`, password: 'wrong-password' }) });
  t.equal((await login('192.0.2.1')).statusCode, 401);
  t.equal((await login('192.0.2.2')).statusCode, 429);
});

// draft-ietf-httpapi-ratelimit-headers-11: Structured Field lists of "name";param=int items.
const ITEM = /^"[a-z]+"(;[a-z]+=\d+)+$/;
const items = (value: unknown) => String(value).split(',').map((s) => s.trim());

t.test('limited routes send RateLimit-Policy and RateLimit, and on 429 Retry-After no earlier than the window', async (t) => {
  const { app } = await build(t, { env: { AUTH_RATE_LIMIT: '3' } });
  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, remoteAddress: '10.50.0.1', headers: json, payload: JSON.stringify(payload) });
  const first = await post('/auth/forgot', { email: 'someone@example.com' });
  t.equal(first.statusCode, 200);
  t.equal(first.headers['ratelimit-policy'], '"address";q=3;w=60, "account";q=3;w=60');
  t.match(first.headers.ratelimit, /^"address";r=2;t=(60|59)$/, 'two left from this address; the account count is not shown while unspent');
  for (const value of [first.headers['ratelimit-policy'], first.headers.ratelimit]) for (const item of items(value)) t.match(item, ITEM);
  await post('/auth/forgot', { email: 'someone@example.com' });
  await post('/auth/forgot', { email: 'someone@example.com' });
  const limited = await post('/auth/forgot', { email: 'someone@example.com' });
  t.equal(limited.statusCode, 429);
  const [address, account] = items(limited.headers.ratelimit);
  t.match(address, /^"address";r=0;t=\d+$/);
  t.match(account, /^"account";r=0;t=\d+$/, 'once spent, the account policy is shown');
  const t0 = Number(/t=(\d+)/.exec(address!)![1]);
  t.ok(Number(limited.headers['retry-after']) >= t0, 'Retry-After is not before the end of the window');
  const other = await app.inject({ method: 'GET', url: '/health' });
  t.notOk(other.headers.ratelimit, 'routes without limits send none');
});

t.test('the OpenAPI document declares the RateLimit headers on limited routes', async (t) => {
  const { app } = await build(t);
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> };
  for (const [path, method] of [['/login', 'post'], ['/auth/forgot/otp', 'post'], ['/users/verify-sentcode', 'post'], ['/api/token', 'post']] as const) {
    const responses = doc.paths[path]![method]!.responses;
    t.ok(responses['200']!.headers?.RateLimit && responses['200']!.headers['RateLimit-Policy'], `${path} 200`);
    t.ok(responses['429']!.headers?.RateLimit && responses['429']!.headers['Retry-After'], `${path} 429 with Retry-After`);
  }
});
