import t from 'tap';
import { build, READ_MODELS } from '../support/app.js';
import { readLog } from '../support/event-log.js';
import { signedInUser, type SignedInUser } from '../support/signed-in-user.js';

const NO_TOKEN = { error: 'Access denied. No token provided.' };
const BAD_TOKEN = { error: 'Invalid token.' };
const REQUIRED = { error: 'Name and description are required' };
const BAD_ID = { error: 'Invalid product ID' };
const BAD_PAGE = { error: 'Invalid pagination parameters' };
const NOT_FOUND = { error: 'Product not found' };

for (const readModels of READ_MODELS) {
  t.test(`E products (${readModels} read models)`, async (t) => {
    const { app, dataDir } = await build(t, { readModels });
    const alice = await signedInUser(app, 'alice');
    const bob = await signedInUser(app, 'bob');

    const create = (user: SignedInUser, payload: unknown) =>
      app.inject({ method: 'POST', url: '/products', headers: user.auth, payload: payload as object });
    const get = (user: SignedInUser | null, url: string) =>
      app.inject({ method: 'GET', url, headers: user ? user.auth : {} });
    const put = (user: SignedInUser, id: number | string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'PUT', url: `/products/${id}`, headers: { ...user.auth, ...headers }, payload: payload as object });
    const del = (user: SignedInUser, id: number | string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'DELETE', url: `/products/${id}`, headers: { ...user.auth, ...headers } });
    const made = async (user: SignedInUser, name: string, description = `about ${name}`) => {
      const res = await create(user, { name, description });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json() as { id: number; name: string; description: string; userId: number; image: string };
    };

    t.test('every route needs a token; a bad token is "Invalid token."', async (t) => {
      const routes = [
        { method: 'GET', url: '/products' },
        { method: 'GET', url: '/products/1' },
        { method: 'POST', url: '/products', payload: { name: 'n', description: 'd' } },
        { method: 'PUT', url: '/products/1', payload: { name: 'n', description: 'd' } },
        { method: 'DELETE', url: '/products/1' },
      ] as const;
      const tampered = `${alice.token.slice(0, -2)}xx`;
      for (const route of routes) {
        const none = await app.inject(route);
        t.equal(none.statusCode, 401, `${route.method} ${route.url} without token`);
        t.same(none.json(), NO_TOKEN);
        t.equal(none.headers['www-authenticate'], 'Bearer');
        for (const authorization of ['Bearer nonsense', `Bearer ${tampered}`, 'Bearer a.b.c']) {
          const bad = await app.inject({ ...route, headers: { authorization } });
          t.equal(bad.statusCode, 401, `${route.method} ${route.url} with ${authorization.slice(0, 20)}`);
          t.same(bad.json(), BAD_TOKEN);
        }
      }
      const noScheme = await app.inject({ method: 'GET', url: '/products', headers: { authorization: alice.token } });
      t.same(noScheme.json(), NO_TOKEN, 'a token without "Bearer" is no token');
    });

    t.test('the token is checked before the body or the id', async (t) => {
      const res = await app.inject({ method: 'PUT', url: '/products/abc', payload: { name: 1 } });
      t.equal(res.statusCode, 401);
      t.same(res.json(), NO_TOKEN);
    });

    t.test('creates a product and reads it back at once', async (t) => {
      const res = await create(alice, { name: 'Product Name', description: 'Product description' });
      t.equal(res.statusCode, 201);
      const product = res.json();
      t.same(Object.keys(product).sort(), ['description', 'id', 'image', 'name', 'userId']);
      t.match(product, {
        name: 'Product Name',
        description: 'Product description',
        userId: alice.id,
        image: 'https://picsum.photos/200/200?random=Product_Name',
      });
      t.ok(Number.isInteger(product.id) && product.id > 0);
      t.equal(res.headers.etag, '"0"');

      const one = await get(bob, `/products/${product.id}`);
      t.equal(one.statusCode, 200, 'any signed-in user reads it');
      t.same(one.json(), product);
      t.equal(one.headers.etag, '"0"');
      const list = await get(alice, '/products?limit=100');
      t.ok(list.json().products.some((p: { id: number }) => p.id === product.id), 'listed without waiting');
    });

    t.test('image: every run of characters outside [A-Za-z0-9] becomes one _', async (t) => {
      const cases: [string, string][] = [
        ['Plain', 'Plain'],
        ['Café  crème!!', 'Caf_cr_me_'],
        ['  spaced out ', '_spaced_out_'],
        ['a/b?c=d&e#f', 'a_b_c_d_e_f'],
        ['日本', '_'],
        ['x--__--y', 'x_y'],
      ];
      for (const [name, random] of cases) {
        const p = await made(alice, name);
        t.equal(p.image, `https://picsum.photos/200/200?random=${random}`, name);
        t.equal(p.name, name, 'the name is kept as given');
      }
    });

    t.test('ids are allocated in order and never reused', async (t) => {
      const a = await made(alice, 'first');
      const b = await made(alice, 'second');
      t.ok(b.id > a.id);
      t.equal((await del(alice, b.id)).statusCode, 200);
      const c = await made(alice, 'third');
      t.ok(c.id > b.id, 'a deleted id is not handed out again');
      const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => made(bob, `parallel ${i}`)));
      const unique = new Set(ids.map((p) => p.id));
      t.equal(unique.size, 10, 'concurrent creations get distinct ids');
    });

    t.test('bad bodies are 400 with E\'s message', async (t) => {
      const required: unknown[] = [
        {},
        { name: 'n' },
        { description: 'd' },
        { name: '', description: 'd' },
        { name: 'n', description: '' },
        { name: '   ', description: 'd' },
        { name: 'n', description: '\t\n' },
        { name: 42, description: 'd' },
        { name: 'n', description: true },
        { name: null, description: 'd' },
        { name: ['n'], description: 'd' },
        { name: { text: 'n' }, description: 'd' },
        [],
      ];
      for (const payload of required) {
        const res = await create(alice, payload);
        t.equal(res.statusCode, 400, JSON.stringify(payload));
        t.same(res.json(), REQUIRED, JSON.stringify(payload));
        const upd = await put(alice, 1, payload);
        t.equal(upd.statusCode, 400, `PUT ${JSON.stringify(payload)}`);
        t.same(upd.json(), REQUIRED);
      }
      const jsonString = await app.inject({
        method: 'POST',
        url: '/products',
        headers: { ...alice.auth, 'content-type': 'application/json' },
        payload: '"just a string"',
      });
      t.equal(jsonString.statusCode, 400);
      t.same(jsonString.json(), REQUIRED, 'a body that is not an object');
      const longName = await create(alice, { name: 'n'.repeat(201), description: 'd' });
      t.equal(longName.statusCode, 400);
      t.same(longName.json(), { error: 'Name must be at most 200 characters' });
      const longDescription = await create(alice, { name: 'n', description: 'd'.repeat(5001) });
      t.equal(longDescription.statusCode, 400);
      t.same(longDescription.json(), { error: 'Description must be at most 5000 characters' });
      const atLimits = await create(alice, { name: 'n'.repeat(200), description: 'd'.repeat(5000) });
      t.equal(atLimits.statusCode, 201, 'the limits themselves are fine');
      const extra = await create(alice, { name: 'n', description: 'd', userId: bob.id, id: 999 });
      t.equal(extra.statusCode, 201);
      t.equal(extra.json().userId, alice.id, 'the owner is the caller, whatever the body says');
      t.not(extra.json().id, 999);
    });

    t.test('malformed JSON is 400 and a body over 96 KiB is 413', async (t) => {
      const bad = await app.inject({
        method: 'POST',
        url: '/products',
        headers: { ...alice.auth, 'content-type': 'application/json' },
        payload: '{"name": "x", ',
      });
      t.equal(bad.statusCode, 400);
      t.same(bad.json(), { error: 'Malformed JSON body' });
      const text = await app.inject({
        method: 'POST',
        url: '/products',
        headers: { ...alice.auth, 'content-type': 'text/plain' },
        payload: 'name=x',
      });
      t.equal(text.statusCode, 415);
      t.match(text.json(), { error: String });
      const big = await create(alice, { name: 'big', description: 'x'.repeat(97 * 1024) });
      t.equal(big.statusCode, 413);
      t.match(big.json(), { error: /too large/ });
    });

    t.test('bad ids are 400 "Invalid product ID" on every route', async (t) => {
      const ids = ['abc', '0', '00', '1.5', '-1', '+1', '1e3', '0x10', '%201', '1%20', '99999999999999999999', '9007199254740992'];
      for (const id of ids) {
        const responses = [
          await get(alice, `/products/${id}`),
          await put(alice, id, { name: 'n', description: 'd' }),
          await del(alice, id),
        ];
        for (const res of responses) {
          t.equal(res.statusCode, 400, `id ${id}`);
          t.same(res.json(), BAD_ID, `id ${id}`);
        }
      }
      const unknown = await get(alice, '/products/9007199254740991');
      t.equal(unknown.statusCode, 404, 'the largest valid id is merely unknown');
      t.same(unknown.json(), NOT_FOUND);
    });

    t.test('update: owner only, both fields replaced, visible at once', async (t) => {
      const p = await made(alice, 'Old name', 'old description');
      const res = await put(alice, p.id, { name: 'New name!', description: 'new description' });
      t.equal(res.statusCode, 200);
      t.same(res.json(), {
        id: p.id,
        name: 'New name!',
        description: 'new description',
        userId: alice.id,
        image: 'https://picsum.photos/200/200?random=New_name_',
      });
      t.equal(res.headers.etag, '"1"');
      const after = await get(bob, `/products/${p.id}`);
      t.same(after.json(), res.json(), 'read back without waiting');
      t.equal(after.headers.etag, '"1"');

      const foreign = await put(bob, p.id, { name: 'hijack', description: 'hijack' });
      t.equal(foreign.statusCode, 403);
      t.same(foreign.json(), { error: 'Access denied. You can only update your own products.' });
      t.equal((await get(alice, `/products/${p.id}`)).json().name, 'New name!', 'unchanged by the refused update');

      const missing = await put(alice, 987654, { name: 'n', description: 'd' });
      t.equal(missing.statusCode, 404);
      t.same(missing.json(), NOT_FOUND);
    });

    t.test('delete: owner only; 404 from then on and gone from the listing at once', async (t) => {
      const p = await made(alice, 'Doomed');
      const foreign = await del(bob, p.id);
      t.equal(foreign.statusCode, 403);
      t.same(foreign.json(), { error: 'Access denied. You can only delete your own products.' });
      t.equal((await get(alice, `/products/${p.id}`)).statusCode, 200, 'still there after the refusal');

      const res = await del(alice, p.id);
      t.equal(res.statusCode, 200);
      t.same(res.json(), { message: 'Product deleted successfully' });
      for (const after of [await get(alice, `/products/${p.id}`), await put(alice, p.id, { name: 'n', description: 'd' }), await del(alice, p.id)]) {
        t.equal(after.statusCode, 404);
        t.same(after.json(), NOT_FOUND);
      }
      const foreignAfter = await del(bob, p.id);
      t.equal(foreignAfter.statusCode, 404, 'a deleted product is not found for anyone');
      const list = await get(alice, '/products?limit=100');
      t.notOk(list.json().products.some((x: { id: number }) => x.id === p.id), 'not listed');

      const log = await readLog(dataDir, `product-${p.id}`);
      t.same(log.map((e) => e.type), ['ProductCreated', 'ProductDeleted'], 'refusals recorded nothing');
      t.equal(log[1]!.data.userId, alice.id, 'the event names who deleted it');
    });

    t.test('concurrent updates of one product: none lost, each applied to the latest state', async (t) => {
      const p = await made(alice, 'Contended');
      const n = 10;
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) => put(alice, p.id, { name: `name ${i}`, description: `description ${i}` })),
      );
      t.same(results.map((r) => r.statusCode), Array(n).fill(200), 'every writer succeeds (re-decided on the fresh state)');
      const etags = results.map((r) => Number(JSON.parse(r.headers.etag as string))).sort((a, b) => a - b);
      t.same(etags, Array.from({ length: n }, (_, i) => i + 1), 'each update got its own revision');
      const log = await readLog(dataDir, `product-${p.id}`);
      t.equal(log.filter((e) => e.type === 'ProductUpdated').length, n, 'all in the log');
      const last = log[log.length - 1]!.data;
      const now = (await get(alice, `/products/${p.id}`)).json();
      t.same({ name: now.name, description: now.description }, { name: last.name, description: last.description });
      t.equal(now.name.slice(5), now.description.slice(12), 'name and description come from the same update');
    });

    t.test('If-Match: a stale ETag is 412 and changes nothing', async (t) => {
      const p = await made(alice, 'Versioned');
      const racers = await Promise.all(
        Array.from({ length: 5 }, (_, i) => put(alice, p.id, { name: `v${i}`, description: 'd' }, { 'if-match': '"0"' })),
      );
      const codes = racers.map((r) => r.statusCode).sort();
      t.same(codes, [200, 412, 412, 412, 412], 'exactly one writer with the read ETag wins');
      const loser = racers.find((r) => r.statusCode === 412)!;
      t.match(loser.json(), { error: /changed/ });

      const stale = await put(alice, p.id, { name: 'late', description: 'd' }, { 'if-match': '"0"' });
      t.equal(stale.statusCode, 412);
      t.equal((await put(alice, p.id, { name: 'weak', description: 'd' }, { 'if-match': 'W/"1"' })).statusCode, 412, 'weak tags never match');
      t.equal((await put(alice, p.id, { name: 'junk', description: 'd' }, { 'if-match': 'junk' })).statusCode, 412);
      t.equal((await del(alice, p.id, { 'if-match': '"0"' })).statusCode, 412);
      t.equal((await get(alice, `/products/${p.id}`)).json().description, 'd');

      const listed = await put(alice, p.id, { name: 'list', description: 'd' }, { 'if-match': '"7", "1"' });
      t.equal(listed.statusCode, 200, 'one of a list matches');
      t.equal(listed.headers.etag, '"2"');
      const star = await put(alice, p.id, { name: 'star', description: 'd' }, { 'if-match': '*' });
      t.equal(star.statusCode, 200);
      t.equal((await put(bob, p.id, { name: 'x', description: 'd' }, { 'if-match': '"0"' })).statusCode, 403, 'ownership is checked before the ETag');
      t.equal((await del(alice, p.id, { 'if-match': '"3"' })).statusCode, 200);
    });

    t.test('pagination', async (t) => {
      const { app, } = await build(t, { readModels });
      const carol = await signedInUser(app, 'carol');
      for (let i = 1; i <= 25; i += 1) {
        const res = await app.inject({ method: 'POST', url: '/products', headers: carol.auth, payload: { name: `p${i}`, description: 'd' } });
        t.equal(res.statusCode, 201);
      }
      const page = (query: string) => app.inject({ method: 'GET', url: `/products${query}`, headers: carol.auth });

      const first = (await page('?page=1&limit=5')).json();
      t.same(first.products.map((p: { name: string }) => p.name), ['p1', 'p2', 'p3', 'p4', 'p5']);
      t.same(first.pagination, { currentPage: 1, totalPages: 5, totalProducts: 25, limit: 5, hasNext: true, hasPrev: false });
      const middle = (await page('?page=3&limit=5')).json();
      t.same(middle.products.map((p: { id: number }) => p.id), [11, 12, 13, 14, 15]);
      t.same(middle.pagination, { currentPage: 3, totalPages: 5, totalProducts: 25, limit: 5, hasNext: true, hasPrev: true });
      const last = (await page('?page=3&limit=10')).json();
      t.same(last.products.map((p: { id: number }) => p.id), [21, 22, 23, 24, 25]);
      t.same(last.pagination, { currentPage: 3, totalPages: 3, totalProducts: 25, limit: 10, hasNext: false, hasPrev: true });

      const defaults = (await page('')).json();
      t.equal(defaults.products.length, 10, 'limit defaults to 10');
      t.same(defaults.pagination, { currentPage: 1, totalPages: 3, totalProducts: 25, limit: 10, hasNext: true, hasPrev: false });
      t.equal((await page('?limit=100')).json().products.length, 25, 'limit 100 is allowed');
      t.equal((await page('?page=2&foo=bar')).json().pagination.currentPage, 2, 'unknown parameters are ignored');

      for (const [query, totalPages] of [['?page=4&limit=10', 3], ['?page=9007199254740991&limit=100', 1]] as const) {
        const past = await page(query);
        t.equal(past.statusCode, 200, `${query} is past the end`);
        t.same(past.json().products, []);
        t.match(past.json().pagination, { totalProducts: 25, totalPages, hasNext: false, hasPrev: true });
      }

      const bad = ['page=0', 'limit=0', 'page=-1', 'limit=-5', 'page=1.5', 'limit=2.0', 'page=abc', 'limit=ten',
        'limit=101', 'page=', 'limit=', 'page=1e1', 'page=%201', 'page=1&page=2', 'page=99999999999999999999'];
      for (const query of bad) {
        const res = await page(`?${query}`);
        t.equal(res.statusCode, 400, query);
        t.same(res.json(), BAD_PAGE, query);
      }

      const gone = (await app.inject({ method: 'DELETE', url: '/products/3', headers: carol.auth })).statusCode;
      t.equal(gone, 200);
      const after = (await page('?page=1&limit=5')).json();
      t.same(after.products.map((p: { id: number }) => p.id), [1, 2, 4, 5, 6], 'a deleted product leaves its page at once');
      t.equal(after.pagination.totalProducts, 24);
    });

    t.test('PUBLIC_PRODUCT_READS=true: anonymous reads, signed-in writes', async (t) => {
      const { app } = await build(t, { readModels, env: { PUBLIC_PRODUCT_READS: 'true' } });
      const dave = await signedInUser(app, 'dave');
      const created = await app.inject({ method: 'POST', url: '/products', headers: dave.auth, payload: { name: 'Open', description: 'd' } });
      const id = created.json().id;
      const list = await app.inject({ method: 'GET', url: '/products' });
      t.equal(list.statusCode, 200);
      t.equal(list.json().products[0].name, 'Open');
      const one = await app.inject({ method: 'GET', url: `/products/${id}` });
      t.equal(one.statusCode, 200);
      t.equal(one.json().name, 'Open');
      const signed = await app.inject({ method: 'GET', url: `/products/${id}`, headers: dave.auth });
      t.equal(signed.statusCode, 200, 'a token is still welcome');
      const badToken = await app.inject({ method: 'GET', url: '/products', headers: { authorization: 'Bearer nope' } });
      t.equal(badToken.statusCode, 401, 'an invalid token is still refused');
      t.same(badToken.json(), BAD_TOKEN);
      const anonymousWrite = await app.inject({ method: 'POST', url: '/products', payload: { name: 'n', description: 'd' } });
      t.equal(anonymousWrite.statusCode, 401);
      t.same(anonymousWrite.json(), NO_TOKEN);
      t.equal((await app.inject({ method: 'DELETE', url: `/products/${id}` })).statusCode, 401);
    });
  });
}

t.test('a token whose session has ended is "Invalid token." (E) and INVALID_TOKEN (D)', async (t) => {
  let clock = Date.parse('2030-01-01T00:00:00.000Z');
  const { app } = await build(t, { now: () => new Date(clock) });
  const user = await signedInUser(app, 'sleeper');
  t.equal((await app.inject({ method: 'GET', url: '/products', headers: user.auth })).statusCode, 200);
  clock += 3601 * 1000; // past the session's hour
  const e = await app.inject({ method: 'GET', url: '/products', headers: user.auth });
  t.equal(e.statusCode, 401);
  t.same(e.json(), BAD_TOKEN);
  const d = await app.inject({ method: 'GET', url: '/api/data/k', headers: user.auth });
  t.equal(d.statusCode, 401);
  t.match(d.json(), { status: 'error', code: 'INVALID_TOKEN', message: 'Invalid access token provided.' });
});
