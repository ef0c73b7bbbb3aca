// The audit over HTTP: absent (404) without ADMIN_TOKEN, 401 for a missing
// or wrong token, the same JSON objects as `audit --json`, paged by cursor,
// states at a moment, clear 400s for bad input, and a rate limit of its own.
import t from 'tap';
import { PassThrough } from 'node:stream';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ADMIN_RATE_LIMIT } from '../../src/audit/routes.js';
import { parseInvocation, runAudit } from '../../src/tools/audit.js';
import { openPersonalData } from '../../src/personal.js';
import { buildWithStores } from '../support/stores.js';

const TOKEN = 'an-admin-token-of-forty-bytes-0123456789';

t.test('absent without ADMIN_TOKEN', async (t) => {
  const { app } = await buildWithStores(t);
  for (const url of ['/admin/audit/products/1', '/admin/audit/accounts/someone', '/admin/audit/data/1/k']) {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TOKEN}` } });
    t.equal(res.statusCode, 404, url);
  }
});

t.test('ADMIN_TOKEN shorter than 32 bytes stops the start, naming the variable', async (t) => {
  t.throws(() => loadConfig({ NODE_ENV: 'test', ADMIN_TOKEN: 'short' }), new ConfigError('ADMIN_TOKEN', 'must be at least 32 bytes long'));
});

t.test('with ADMIN_TOKEN', async (t) => {
  const m = await buildWithStores(t, { env: { ADMIN_TOKEN: TOKEN, AUTH_RATE_LIMIT: '0' } });
  const { app } = m;
  const admin = (url: string, token: string | null = TOKEN) =>
    app.inject({ method: 'GET', url, headers: token === null ? {} : { authorization: `Bearer ${token}` } });

  await app.inject({ method: 'POST', url: '/api/register', payload: { username: 'opal', email: 'opal@example.com', password: 'opal-password-1', full_name: 'Opal', age: 30, gender: 'f' } });
  const token = (await app.inject({ method: 'POST', url: '/api/token', payload: { username: 'opal', password: 'opal-password-1' } })).json().data.access_token;
  const auth = { authorization: `Bearer ${token}`, 'x-request-id': 'req-admin-test', 'user-agent': 'admin-test-agent' };
  const product = (await app.inject({ method: 'POST', url: '/products', headers: auth, payload: { name: 'Kettle', description: 'v0' } })).json().id as number;
  for (let i = 1; i <= 4; i++) await app.inject({ method: 'PUT', url: `/products/${product}`, headers: auth, payload: { name: 'Kettle', description: `v${i}` } });

  t.test('a missing or wrong token: 401, whatever the route', async (t) => {
    for (const [name, tok] of [['missing', null], ['wrong', TOKEN.replace('0', '1')], ['a prefix', TOKEN.slice(0, 32)], ['a session token', token]] as const) {
      const res = await admin(`/admin/audit/products/${product}`, tok);
      t.equal(res.statusCode, 401, name);
      t.equal(res.headers['www-authenticate'], 'Bearer realm="admin"');
      t.match(res.json(), { error: /admin token/ });
    }
  });

  t.test('the scheme is read as on every other route: "bearer" in any case', async (t) => {
    const res = await app.inject({ method: 'GET', url: `/admin/audit/products/${product}`, headers: { authorization: `bearer ${TOKEN}` } });
    t.equal(res.statusCode, 200);
    const spaced = await app.inject({ method: 'GET', url: `/admin/audit/products/${product}`, headers: { authorization: `Bearer  ${TOKEN} x` } });
    t.equal(spaced.statusCode, 401, 'two words after the scheme are no token');
  });

  t.test('the same objects as audit --json, paged by cursor', async (t) => {
    const personal = await openPersonalData(m.config, m.eventStore);
    t.teardown(() => personal.dataKeys.close());
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => (text += c));
    await runAudit(personal.eventStore, personal.names, parseInvocation(['product', String(product), '--json']), out, new PassThrough(), personal.dataKeys);
    const cli = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    t.equal(cli.length, 5);

    const whole = await admin(`/admin/audit/products/${product}`);
    t.equal(whole.statusCode, 200);
    t.same(whole.json(), { events: cli, nextCursor: null });
    t.match(cli[1].metadata, { requestId: 'req-admin-test', family: 'E', route: '/products/:id' });
    t.same(whole.json().events[1].metadata.client, { address: '127.0.0.1', userAgent: 'admin-test-agent' }, 'the live account: its client, opened for the operator');

    const pages: unknown[][] = [];
    let cursor: string | null = null;
    do {
      const res = await admin(`/admin/audit/products/${product}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      t.equal(res.statusCode, 200);
      pages.push(res.json().events);
      cursor = res.json().nextCursor;
    } while (cursor && pages.length < 10);
    t.same(pages.map((p) => p.length), [2, 2, 1], 'three pages');
    t.same(pages.flat(), cli, 'the pages together are the history');

    const typed = await admin(`/admin/audit/products/${product}?type=ProductCreated`);
    t.same(typed.json().events.map((e: { type: string }) => e.type), ['ProductCreated']);
    const account = await admin('/admin/audit/accounts/opal');
    t.same(account.json().events.map((e: { type: string }) => e.type), ['UsernameClaimed', 'EmailClaimed', 'UserRegistered', 'SessionStarted']);
    t.equal(account.json().events[2].data.username, 'opal', 'a live account shows its personal data to the operator');
    t.notOk('passwordHash' in account.json().events[2].data, 'never its hash');
  });

  t.test('the state at a moment', async (t) => {
    const history = (await admin(`/admin/audit/products/${product}`)).json().events as { position: string; time: string }[];
    const res = await admin(`/admin/audit/products/${product}?at=${encodeURIComponent(history[2]!.position)}`);
    t.equal(res.statusCode, 200);
    t.match(res.json(), { at: history[2]!.position, states: [{ entity: `product ${product}`, status: 'active', events: 3, state: { name: 'Kettle', description: 'v2' } }] });
    const before = await admin(`/admin/audit/products/${product}?at=2000-01-01T00:00:00Z`);
    t.match(before.json(), { states: [{ status: 'did not exist yet', state: null }] });
  });

  t.test('bad input: 400 with the reason; nothing there: 404', async (t) => {
    for (const url of [
      `/admin/audit/products/${product}?at=yesterday`,
      `/admin/audit/products/${product}?since=monday`,
      `/admin/audit/products/${product}?limit=0`,
      `/admin/audit/products/${product}?limit=5000`,
      `/admin/audit/products/${product}?cursor=abc`,
      '/admin/audit/products/abc',
      '/admin/audit/orders/0',
    ]) {
      const res = await admin(url);
      t.equal(res.statusCode, 400, url);
      t.type(res.json().error, 'string');
    }
    t.equal((await admin('/admin/audit/products/999999')).statusCode, 404);
    t.equal((await admin('/admin/audit/orders/999999')).statusCode, 404);
    t.equal((await admin('/admin/audit/accounts/nobody@example.com')).statusCode, 404);
    t.equal((await admin('/admin/audit/data/opal/never.stored')).statusCode, 404);
  });

  t.test('hostile input never gets a 500', async (t) => {
    for (const url of [
      '/admin/audit/accounts/%00',
      `/admin/audit/accounts/${'a'.repeat(400)}`,
      '/admin/audit/accounts/%F0%9F%92%A9@example.com',
      '/admin/audit/accounts/..%2F..%2Fetc',
      '/admin/audit/data/opal/%2E%2E',
      `/admin/audit/data/opal/${'k'.repeat(300)}`,
      '/admin/audit/products/1e3',
      '/admin/audit/products/-1',
      '/admin/audit/products/99999999999999999999',
      '/admin/audit/orders/1?at=9999999999999999999999',
      '/admin/audit/orders/1?at=1/2/3',
      '/admin/audit/orders/1?type=' + ','.repeat(500),
      '/admin/audit/orders/1?limit=abc',
      '/admin/audit/orders/1?since=2026-13-45',
    ]) {
      const res = await admin(url);
      t.ok(res.statusCode >= 400 && res.statusCode < 500, `${url.slice(0, 60)} → ${res.statusCode}`);
      t.type(res.json().error, 'string');
    }
  });

  t.test(`a rate limit of its own: ${ADMIN_RATE_LIMIT} requests a minute per address`, async (t) => {
    const codes = new Map<number, number>();
    for (let i = 0; i < ADMIN_RATE_LIMIT + 5; i++) {
      const res = await admin('/admin/audit/products/999999', i % 2 ? null : TOKEN);
      codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 429) t.ok(Number(res.headers['retry-after']) >= 1, 'Retry-After');
    }
    t.ok((codes.get(429) ?? 0) >= 5, `the address is held back: ${JSON.stringify([...codes])}`);
    t.equal((await app.inject({ method: 'GET', url: '/products' })).statusCode === 429, false, 'the families are not');
  });
});
