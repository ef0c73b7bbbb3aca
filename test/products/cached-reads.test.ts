// Product reads served from the Redis read cache (READ_CACHE_MS, on by
// default): the answer's JSON is made once per cached object, but every answer
// still carries what an uncached one does (security headers, its own request
// id, no-store, ETag, the type), the session is checked on each, the metrics
// count each and the request log line is written; a write changes the next
// answer at once.
import t from 'tap';
import { build } from '../support/app.js';
import { signedInUser } from '../support/signed-in-user.js';

const API_CSP = "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'";

t.test('cached product reads keep headers, session check, metrics, log line and invalidation', async (t) => {
  const { app, config, logs } = await build(t, { readModels: 'redis', env: { LOG_LEVEL: 'info' } });
  t.ok(config.readCacheMs > 0, 'the read cache is on');
  const alice = await signedInUser(app, 'alice_cached');
  const created = await app.inject({ method: 'POST', url: '/products', headers: alice.auth, payload: { name: 'Lamp', description: 'A lamp' } });
  t.equal(created.statusCode, 201);
  const id = created.json().id as number;

  const read = (url: string, headers: Record<string, string> = alice.auth) => app.inject({ method: 'GET', url, headers });
  const expectHeaders = (res: Awaited<ReturnType<typeof read>>, what: string) => {
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8', `${what}: JSON`);
    t.equal(res.headers['cache-control'], 'no-store', `${what}: no-store`);
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/, `${what}: its request id`);
    t.equal(res.headers['content-security-policy'], API_CSP, `${what}: CSP`);
    t.equal(res.headers['x-frame-options'], 'SAMEORIGIN', `${what}: frame options`);
    t.match(res.headers['strict-transport-security'], /max-age=\d+/, `${what}: HSTS`);
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
    t.equal(res.headers['content-length'], String(Buffer.byteLength(res.body)), `${what}: length`);
  };

  t.test('one product: the same bytes from the cache, each answer with all its headers', async (t) => {
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await read(`/products/${id}`));
    for (const [i, res] of answers.entries()) {
      t.equal(res.statusCode, 200);
      expectHeaders(res, `read ${i + 1}`);
      t.equal(res.headers.etag, '"0"');
      t.equal(res.body, answers[0]!.body, 'byte for byte the first answer');
    }
    t.same(answers[0]!.json(), { id, name: 'Lamp', description: 'A lamp', userId: alice.id, image: 'https://picsum.photos/200/200?random=Lamp' });
    t.equal(new Set(answers.map((a) => a.headers['x-request-id'])).size, 3, 'a request id of its own each');

    const put = await app.inject({ method: 'PUT', url: `/products/${id}`, headers: alice.auth, payload: { name: 'Desk lamp', description: 'A lamp' } });
    t.equal(put.statusCode, 200);
    const after = await read(`/products/${id}`);
    t.equal(after.json().name, 'Desk lamp', 'the write shows at once');
    t.equal(after.headers.etag, '"1"', 'and its ETag');
    expectHeaders(after, 'after the write');
  });

  t.test('a page: the same bytes from the cache until a product is added', async (t) => {
    const first = await read('/products?page=1&limit=10');
    const again = await read('/products?page=1&limit=10');
    t.equal(first.statusCode, 200);
    expectHeaders(again, 'cached page');
    t.equal(again.body, first.body);
    const total = first.json().pagination.totalProducts as number;
    const more = await app.inject({ method: 'POST', url: '/products', headers: alice.auth, payload: { name: 'Chair', description: 'A chair' } });
    t.equal(more.statusCode, 201);
    const after = await read('/products?page=1&limit=10');
    t.equal(after.json().pagination.totalProducts, total + 1, 'the new product counts at once');
    t.ok(after.json().products.some((p: { name: string }) => p.name === 'Chair'));
  });

  t.test('errors keep their envelopes, and a token stops working at logout', async (t) => {
    const bad = await read(`/products/${id}`, { authorization: `${alice.auth.authorization}x` });
    t.equal(bad.statusCode, 401);
    t.same(bad.json(), { error: 'Invalid token.' });
    t.equal(bad.headers['content-security-policy'], API_CSP, 'a refusal carries the headers too');
    const missing = await read('/products/999999');
    t.equal(missing.statusCode, 404);
    t.same(missing.json(), { error: 'Product not found' });
    const word = await read('/products/abc');
    t.equal(word.statusCode, 400);
    t.same(word.json(), { error: 'Invalid product ID' });

    t.equal((await read(`/products/${id}`)).statusCode, 200, 'the token was verified (and remembered) before');
    const logout = await app.inject({ method: 'GET', url: '/logout', headers: alice.auth });
    t.ok(logout.statusCode < 300, `logout answered ${logout.statusCode}`);
    const refused = await read(`/products/${id}`);
    t.equal(refused.statusCode, 401, 'the session check runs on every request');
    t.same(refused.json(), { error: 'Invalid token.' });
  });

  t.test('metrics count every cached read, and each has its log line', async (t) => {
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    const count = Number(/chronicle_http_requests_total\{method="GET",route="\/products\/:id",status="200"\} (\d+)/.exec(metrics)?.[1]);
    t.ok(count >= 5, `GET /products/:id 200 counted ${count} times`);
    t.match(metrics, /chronicle_http_request_duration_seconds_count\{method="GET",route="\/products\/:id"\} \d+/);
    const lines = logs.lines.map((l) => JSON.parse(l) as { msg?: string; reqId?: string; req?: { url?: string } });
    const incoming = lines.filter((l) => l.msg === 'incoming request' && l.req?.url === `/products/${id}`);
    t.ok(incoming.length >= 6, 'an incoming-request line per read');
    const completed = new Set(lines.filter((l) => l.msg === 'request completed').map((l) => l.reqId));
    t.ok(incoming.every((l) => l.reqId && completed.has(l.reqId)), 'and a completed line under the same request id');
  });
});
