// Issue 12, item 4: the smaller leaks a hostile client found, each shut and
// checked here against the real app (tokens, sessions, stores and logs).
import t from 'tap';
import { allProjections } from '../../projections/index.js';
import { replay } from '../../projections/replay.js';
import { loadConfig } from '../../src/config.js';
import { build, READ_MODELS, tempDir } from '../support/app.js';
import { buildWithMail, registerVerifiedB, sessionOf, type MailApp } from '../support/accounts.js';
import { buildWithStores, openedLog } from '../support/stores.js';
import { describeRoute, envelopeProblem, fillPath, routesFromOpenApi } from '../support/routes.js';
import { signedInUser } from '../support/signed-in-user.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const JSON_TYPE = { 'content-type': 'application/json' };

async function signedInB(m: MailApp, name: string) {
  const email = `${name}@example.com`;
  const password = 'b-password-123';
  await registerVerifiedB(m, name, email, password);
  const login = await m.post('/users/login', { email, password });
  t.equal(login.json().responseCode, 609);
  return { email, password, login };
}

t.test('reset-link tokens and query values never reach the log, however the URL is spelled', async (t) => {
  const m = await buildWithMail(t, { env: { LOG_LEVEL: 'info' } });
  const { email } = await signedInB(m, 'logged_b');
  t.equal((await m.post('/users/reset-password', { email })).json().responseCode, 612);
  const token = m.sink.resetToken(email);

  // The router decodes %2D to "-": this is the reset route, and the token is real.
  const encoded = await m.post(`/users/reset%2Dpassword/${token}`, { password: 'new-password-456' });
  t.equal(encoded.json().responseCode, 614, 'the percent-encoded path reached the reset route');
  const secrets = ['Secr3tT0kenValue', 'An0therS3cretOne', 'ThirdS3cretInQuery', 'Fourth5ecret', 'FifthAsPage'];
  await m.post(`/users/%72eset-password/${secrets[0]}`, { password: 'new-password-456' });
  await m.post(`/users/reset-password%252F${secrets[1]}`, { password: 'new-password-456' });
  await m.app.inject({ method: 'GET', url: `/health?token=${secrets[2]}&page=2` });
  await m.app.inject({ method: 'GET', url: `/products?page=3&limit=5&%74oken=${secrets[3]}` });
  await m.app.inject({ method: 'GET', url: `/products?page=${secrets[4]}` });

  const lines = m.logs.lines.join('\n');
  t.ok(m.logs.lines.length > 5, 'requests were logged');
  t.notOk(lines.includes(token), 'the real reset token is not in the log');
  for (const s of secrets) t.notOk(lines.includes(s), `${s} is not in the log`);
  t.match(lines, /"url":"\/users\/reset-password\/\[Redacted\]"/, 'the reset path is logged redacted');
  t.match(lines, /"url":"\/health\?token=\[Redacted\]&page=2"/, 'a query token is redacted, page is kept');
  t.match(lines, /"url":"\/products\?page=3&limit=5&token=\[Redacted\]"/, 'an encoded parameter name is still redacted');
  t.match(lines, /"url":"\/products\?page=\[Redacted\]"/, 'page is logged only as a number');
});

t.test('the client address and user agent never reach the log (they are personal data)', async (t) => {
  const m = await buildWithMail(t, { env: { LOG_LEVEL: 'info' } });
  const address = '203.0.113.77';
  const agent = 'DistinctAgent/9.7';
  const res = await m.app.inject({ method: 'GET', url: '/health', remoteAddress: address, headers: { 'user-agent': agent } });
  t.equal(res.statusCode, 200);
  const lines = m.logs.lines.join('\n');
  t.match(lines, /"url":"\/health"/, 'the request was logged');
  t.notOk(lines.includes(address), 'no client address in the log');
  t.notOk(lines.includes(agent), 'no user agent in the log');
});

/** Every route in openapi.yaml, plus the operational ones it hides, with real ids filled in. */
async function everyUrl(values: Record<string, string>): Promise<{ label: string; url: string }[]> {
  const routes = await routesFromOpenApi();
  const urls = routes.map((r) => ({ label: describeRoute(r), url: fillPath(r, values) }));
  for (const url of ['/metrics', '/openapi.json', '/docs', '/docs/json', '/users/reset-password/some-token']) urls.push({ label: url, url });
  return urls;
}

for (const cors of [false, true]) {
  t.test(`HEAD and OPTIONS change nothing on any route (CORS ${cors ? 'on' : 'off'})`, async (t) => {
    const m = await buildWithMail(t, { env: cors ? { CORS_ORIGINS: 'https://app.example.com' } : {} });
    const user = await signedInUser(m.app, 'sweeper');
    const b = await signedInB(m, 'sweeper_b');
    const cookie = String(b.login.headers['set-cookie']).split(';')[0]!;
    const product = (await m.post('/products', { name: 'Lamp', description: 'Brass' }, user.auth)).json().id as number;
    await m.post('/api/data', { key: 'kept', value: 1 }, user.auth);
    const values = { id: String(product), key: 'kept', token: 'some-token' };
    const headers = {
      ...JSON_TYPE,
      cookie,
      authorization: `Bearer ${user.token}`,
      origin: 'https://app.example.com',
      'access-control-request-method': 'DELETE',
    };
    // A body that would do something on most routes if a handler ran.
    const body = JSON.stringify({
      username: 'sweep_new', password: 'password-123', email: 'sweep@example.com', key: 'new-key', value: 2,
      name: 'X', description: 'Y', items: [{ productId: product, quantity: 1 }], otp: '123456', code: '123456',
    });
    const head = await m.eventStore.headPosition();
    let requests = 0;
    for (const { label, url } of await everyUrl(values)) {
      for (const method of ['HEAD', 'OPTIONS'] as const) {
        const res = await m.app.inject({ method, url, headers, ...(method === 'OPTIONS' ? { payload: body } : {}) });
        requests += 1;
        t.ok(res.statusCode < 500, `${method} ${label}: ${res.statusCode}`);
        if (cors && method === 'OPTIONS') t.equal(res.statusCode, 204, `${method} ${label} is a preflight`);
      }
    }
    t.ok(requests > 40, `${requests} requests`);
    t.same(await m.eventStore.headPosition(), head, 'no event was recorded');
    t.equal(await sessionOf(m.app, user.token), true, 'the bearer session is live');
    const logout = await m.app.inject({ method: 'HEAD', url: '/logout', headers: { cookie } });
    t.equal(logout.statusCode, 404, 'HEAD /logout is not a route');
    t.equal((await m.app.inject({ method: 'GET', url: '/logout', headers: { cookie } })).json().responseCode, 611);
    t.not(await m.eventStore.headPosition(), head, 'GET /logout still ends the session');
  });
}

t.test('security headers on every answer; the API forbids everything, /docs allows what swagger-ui needs', async (t) => {
  const { app } = await build(t);
  for (const url of ['/health', '/products', '/nowhere', '/api/data/x']) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.headers['x-content-type-options'], 'nosniff', url);
    t.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
    t.equal(res.headers['referrer-policy'], 'no-referrer', url);
    t.match(res.headers['strict-transport-security'], /max-age=\d+/, url);
    t.equal(res.headers['content-security-policy'], "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'", url);
  }
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(docs.statusCode, 200);
  const csp = String(docs.headers['content-security-policy']);
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  t.same(directives['script-src'], ["'self'"], 'scripts from this origin only, none inline');
  t.same(directives['style-src'], ["'self'"], 'styles from this origin only');
  t.same(directives['img-src'], ["'self'", 'data:'], "swagger-ui's icons are data: URLs");
  t.same(directives['connect-src'], ["'self'"], 'the document and "Try it out" go to this origin');
  t.same(directives['default-src'], ["'none'"]);
  t.notMatch(docs.body, /<script>|<script [^>]*>[^<\s]/, 'the page has no inline script');
  for (const src of docs.body.matchAll(/(?:src|href)="([^"]+)"/g)) {
    t.notOk(/^(https?:)?\/\//.test(src[1]!), `${src[1]} is served by this origin`);
  }
});

t.test('Cache-Control: no-store on every answer that carries a token, session id or code', async (t) => {
  const m = await buildWithMail(t);
  const user = { username: 'cached_not', password: 'password-123', email: 'cached@example.com' };
  t.equal((await m.post('/register', user)).statusCode, 201);
  const answers: [string, LightMyRequestResponse][] = [];
  answers.push(['A/E /login', await m.post('/login', { username: user.username, password: user.password })]);
  answers.push(['C /auth', await m.post('/auth', { username: user.username, password: user.password })]);
  const dRegistered = await m.post('/api/register', { username: 'cache_d', email: 'd@example.com', password: 'password-123', full_name: 'D', gender: 'x' });
  t.equal(dRegistered.statusCode, 201, dRegistered.body);
  answers.push(['D /api/token', await m.post('/api/token', { username: 'cache_d', password: 'password-123' })]);
  answers.push(['B /users/login', (await signedInB(m, 'cache_b')).login]);
  await m.post('/auth/forgot', { email: user.email });
  answers.push(['C /auth/forgot/otp', await m.post('/auth/forgot/otp', { email: user.email, otp: m.sink.code(user.email) })]);
  for (const [what, res] of answers) {
    t.ok(res.statusCode === 200, `${what}: ${res.statusCode}`);
    t.match(res.body, /token|sessionId/, `${what} carries a secret`);
    t.equal(res.headers['cache-control'], 'no-store', `${what} is not cached`);
  }
  t.match(String(answers[3]![1].headers['set-cookie']), /sessionId=/, 'the B answer sets the session cookie');
  const health = await m.app.inject({ method: 'GET', url: '/health' });
  t.equal(health.headers['cache-control'], 'no-store', 'and every other API answer');
});

t.test('another charset is 415 and bytes that are not UTF-8 are 400, in every family\'s envelope', async (t) => {
  const { app } = await build(t);
  const cases = [
    { url: '/register', body: { username: 'cs_user', password: 'password-123' } },
    { url: '/users/register', body: { username: 'cs_b', email: 'b@example.com', password: 'password-123' } },
    { url: '/auth/create', body: { username: 'cs_c', email: 'c@example.com', password: 'password-123' } },
    { url: '/api/register', body: { username: 'cs_d', email: 'd@example.com', password: 'password-123', gender: 'x' } },
  ];
  for (const { url, body } of cases) {
    for (const charset of ['iso-8859-1', 'utf-16', '"latin1"', 'windows-1252']) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': `application/json; charset=${charset}` },
        payload: JSON.stringify(body),
      });
      t.equal(res.statusCode, 415, `${url} charset=${charset}`);
      t.equal(envelopeProblem(url, 415, res.json()), null, `${url}: the family's envelope`);
    }
    // "é" in Latin-1 is the byte 0xE9, which no UTF-8 text holds alone.
    const latin1 = Buffer.concat([Buffer.from(JSON.stringify(body).slice(0, -1)), Buffer.from(',"x":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const res = await app.inject({ method: 'POST', url, headers: JSON_TYPE, payload: latin1 });
    t.equal(res.statusCode, 400, `${url}: invalid UTF-8`);
    t.equal(envelopeProblem(url, 400, res.json()), null, `${url}: the family's envelope`);
    t.match(JSON.stringify(res.json()), /valid UTF-8/);
  }
  for (const [i, charset] of ['utf-8', 'UTF-8', '"utf-8"', 'utf8'].entries()) {
    const res = await app.inject({
      method: 'POST',
      url: '/register',
      headers: { 'content-type': `application/json; charset=${charset}` },
      payload: JSON.stringify({ username: `charset_ok_${i}`, password: 'password-123' }),
    });
    t.equal(res.statusCode, 201, `charset=${charset} is UTF-8`);
  }
});

for (const readModels of READ_MODELS) {
  t.test(`D values with __proto__ and constructor.prototype keys round-trip exactly (${readModels})`, async (t) => {
    const m = await buildWithStores(t, { readModels });
    const user = await signedInUser(m.app, 'proto_owner');
    const raw = [
      '{"__proto__":{"polluted":"yes"},"a":1}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '[{"__proto__":null},{"constructor":{"prototype":1}}]',
      '{"nested":{"__proto__":{"__proto__":{"polluted":"yes"}},"toString":"x","hasOwnProperty":1}}',
    ];
    const send = (method: string, url: string, payload: string) =>
      m.app.inject({ method: method as 'POST', url, headers: { ...JSON_TYPE, ...user.auth }, payload });
    const readBack = async (key: string) => {
      const res = await m.app.inject({ method: 'GET', url: `/api/data/${key}`, headers: user.auth });
      t.equal(res.statusCode, 200);
      return JSON.stringify(JSON.parse(res.body).data.value);
    };
    for (const [i, value] of raw.entries()) {
      const stored = await send('POST', '/api/data', `{"key":"p${i}","value":${value}}`);
      t.equal(stored.statusCode, 201, `stored ${value}`);
      t.equal(await readBack(`p${i}`), value, `read back exactly: ${value}`);
      const updated = await send('PUT', `/api/data/u${i}`, `{"value":${value}}`);
      t.equal(updated.statusCode, 404, 'PUT of a missing key is still KEY_NOT_FOUND');
      await send('POST', '/api/data', `{"key":"u${i}","value":"before"}`);
      t.equal((await send('PUT', `/api/data/u${i}`, `{"value":${value}}`)).statusCode, 200);
      t.equal(await readBack(`u${i}`), value, `updated exactly: ${value}`);
    }
    // The log as the service reads it: D keys and values are sealed under the account's key.
    await replay({ eventStore: await openedLog(t, m.config, m.eventStore), readStore: m.readStore, projections: allProjections });
    for (const [i, value] of raw.entries()) t.equal(await readBack(`p${i}`), value, `after a replay: ${value}`);
    t.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
    t.equal(Object.getPrototypeOf({}), Object.prototype);
    t.notOk('polluted' in Object.prototype);

    // Elsewhere such keys are still refused: those bodies are never data.
    const other = await m.app.inject({
      method: 'POST',
      url: '/register',
      headers: JSON_TYPE,
      payload: '{"username":"proto_x","password":"password-123","__proto__":{"admin":true}}',
    });
    t.equal(other.statusCode, 400);
  });
}

t.test('DELETE and GET with content-type: application/json and no body are ordinary requests', async (t) => {
  const { app } = await build(t);
  const user = await signedInUser(app, 'empty_body');
  const product = (await app.inject({ method: 'POST', url: '/products', headers: user.auth, payload: { name: 'L', description: 'D' } })).json().id;
  await app.inject({ method: 'POST', url: '/api/data', headers: user.auth, payload: { key: 'gone', value: 1 } });
  await app.inject({ method: 'POST', url: '/orders', headers: user.auth, payload: { items: [{ productId: product, quantity: 1 }] } });
  const empty = (method: 'GET' | 'DELETE', url: string, extra: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...JSON_TYPE, ...user.auth, ...extra }, payload: '' });
  t.equal((await empty('DELETE', '/api/data/gone')).statusCode, 200, 'D DELETE');
  t.equal((await empty('DELETE', '/api/data/gone')).json().code, 'KEY_NOT_FOUND', 'and its ordinary 404 after');
  t.equal((await empty('DELETE', `/products/${product}`)).statusCode, 200, 'E DELETE');
  t.equal((await empty('GET', '/orders')).statusCode, 200, 'A GET');
  t.equal((await empty('GET', '/products?page=1&limit=5')).statusCode, 200, 'E GET');
  t.equal((await empty('DELETE', '/api/data/x', { 'content-length': '0' })).statusCode, 404, 'with content-length: 0 too');
  const needsBody = await empty('DELETE', '/users/delete-user');
  t.equal(needsBody.statusCode, 400, 'a route that takes a body still refuses an empty one');
  t.same(needsBody.json(), { statusCode: 400, responseCode: 600, error: 'Malformed JSON body' });
  t.equal((await empty('GET', '/logout')).json().responseCode, 611, 'B GET (last: it ends the session)');
});

t.test('X-Request-Id: a plain one is kept, anything else replaced; the id is on every answer', async (t) => {
  const { app, logs } = await build(t, { env: { LOG_LEVEL: 'info' } });
  const get = (url: string, id?: string) => app.inject({ method: 'GET', url, headers: id === undefined ? {} : { 'x-request-id': id } });
  const plain = await get('/health', 'trace-0123.abc_DEF-9');
  t.equal(plain.headers['x-request-id'], 'trace-0123.abc_DEF-9');
  t.ok(logs.lines.some((l) => JSON.parse(l).reqId === 'trace-0123.abc_DEF-9'), 'the log uses it');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  for (const hostile of ['x'.repeat(65), 'a b', 'id\u00e9', '{"level":60}', 'a/b', '']) {
    const res = await get('/health', hostile);
    t.match(res.headers['x-request-id'], uuid, `${JSON.stringify(hostile.slice(0, 20))} is replaced`);
  }
  t.equal((await get('/health', 'x'.repeat(64))).headers['x-request-id'], 'x'.repeat(64), '64 characters are kept');
  t.notOk(logs.lines.some((l) => l.includes('x'.repeat(65)) || l.includes('{\\"level\\":60}')), 'no refused id is logged');
  for (const [what, res] of [
    ['none given', await get('/health')],
    ['404', await get('/nowhere')],
    ['router error (414)', await get(`/api/data/${'k'.repeat(2000)}`)],
    ['malformed URL', await get('/api/data/%E0%A4%A')],
    ['401', await get('/products')],
    ['400', await app.inject({ method: 'POST', url: '/register', headers: JSON_TYPE, payload: '{' })],
  ] as const) {
    t.match(res.headers['x-request-id'], uuid, `${what}: ${res.statusCode} carries an id`);
  }
});

t.test('openapi.yaml declares X-Request-Id on every answer', async (t) => {
  const doc = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    components: { headers: Record<string, { description: string }> };
  };
  t.match(doc.components.headers.RequestId?.description, /1 to 64 characters/);
  let answers = 0;
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(op.responses)) {
        answers += 1;
        t.same(response.headers?.['X-Request-Id'], { $ref: '#/components/headers/RequestId' }, `${method} ${path} ${status}`);
      }
    }
  }
  t.ok(answers > 100, `${answers} answers`);
});

t.test('/metrics: open in development, behind METRICS_TOKEN when set, not served in production without one', async (t) => {
  const token = 'm'.repeat(40);
  const scrape = (app: FastifyInstance, authorization?: string) =>
    app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
  const open = (await build(t)).app;
  t.equal((await scrape(open)).statusCode, 200, 'development without a token: open');

  const guarded = (await build(t, { env: { METRICS_TOKEN: token } })).app;
  for (const authorization of [undefined, 'Bearer wrong', `Bearer ${token}x`, `Basic ${token}`, token]) {
    const res = await scrape(guarded, authorization);
    t.equal(res.statusCode, 401, `refused: ${String(authorization).slice(0, 12)}`);
    t.equal(res.headers['www-authenticate'], 'Bearer realm="metrics"');
    t.same(Object.keys(res.json()), ['error']);
  }
  const ok = await scrape(guarded, `Bearer ${token}`);
  t.equal(ok.statusCode, 200);
  t.match(ok.body, /chronicle_http_requests_total/);

  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'j'.repeat(40),
    OTP_SECRET: 'o'.repeat(40),
    DATA_KEY_SECRET: 'd'.repeat(40),
    ARGON2_MEMORY_KIB: '19456',
    MAIL_TRANSPORT: 'outbox',
  };
  const prod = await build(t, { config: loadConfig({ ...production, DATA_DIR: tempDir(t), LOG_LEVEL: 'warn' }) });
  t.equal((await scrape(prod.app)).statusCode, 404, 'production without a token: not served');
  t.equal((await scrape(prod.app, `Bearer ${token}`)).statusCode, 404);
  t.ok(prod.logs.lines.some((l) => l.includes('METRICS_TOKEN is not set')), 'and the operator is told at start');
  t.throws(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: tempDir(t), METRICS_TOKEN: 'short' }), /METRICS_TOKEN/);
});

t.test('CORS: off by default; CORS_ORIGINS allows exactly those origins, with real preflights', async (t) => {
  const preflight = (app: FastifyInstance, origin: string) =>
    app.inject({
      method: 'OPTIONS',
      url: '/products',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
  const off = (await build(t)).app;
  const noCors = await preflight(off, 'https://app.example.com');
  t.equal(noCors.statusCode, 404, 'no CORS: a preflight is an unknown route');
  t.notOk(noCors.headers['access-control-allow-origin']);
  t.notOk((await off.inject({ method: 'GET', url: '/health', headers: { origin: 'https://app.example.com' } })).headers['access-control-allow-origin']);

  const allowed = ['https://app.example.com', 'http://localhost:5173'];
  const { app } = await build(t, { env: { CORS_ORIGINS: allowed.join(', ') } });
  for (const origin of allowed) {
    const pre = await preflight(app, origin);
    t.equal(pre.statusCode, 204, `preflight from ${origin}`);
    t.equal(pre.headers['access-control-allow-origin'], origin);
    t.match(pre.headers['access-control-allow-methods'], /POST/);
    t.match(pre.headers['access-control-allow-headers'], /authorization/);
    t.match(pre.headers['access-control-allow-headers'], /content-type/);
    t.equal(pre.headers['access-control-max-age'], '600');
    const res = await app.inject({ method: 'GET', url: '/health', headers: { origin } });
    t.equal(res.headers['access-control-allow-origin'], origin, `a simple request from ${origin}`);
    t.match(res.headers['access-control-expose-headers'], /x-request-id/);
    t.match(res.headers.vary, /Origin/);
  }
  for (const origin of ['https://evil.example.com', 'https://app.example.com.evil.net', 'http://app.example.com', 'null']) {
    const pre = await preflight(app, origin);
    t.notOk(pre.headers['access-control-allow-origin'], `no allow-origin for ${origin}`);
    const res = await app.inject({ method: 'GET', url: '/health', headers: { origin } });
    t.notOk(res.headers['access-control-allow-origin'], `nor on its requests: ${origin}`);
  }
  for (const bad of ['*', 'app.example.com', 'https://app.example.com/', 'https://a.example.com/path', 'ftp://x.example.com']) {
    t.throws(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: tempDir(t), CORS_ORIGINS: bad }), /CORS_ORIGINS/, `refused: ${bad}`);
  }
});
