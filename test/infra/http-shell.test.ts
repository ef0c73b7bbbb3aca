// What every family shares: errors raised before any route runs still come
// in the family's envelope, never Fastify's own body.
import t from 'tap';
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { build } from '../support/app.js';
import { httpShell, LaterCompiles } from '../../src/infra/http/shell.js';

t.test('router errors and unknown paths answer in the family envelope', async (t) => {
  const { app } = await build(t);
  const get = (url: string) => app.inject({ method: 'GET', url });

  const longD = await get(`/api/data/${'k'.repeat(2000)}`);
  t.equal(longD.statusCode, 414);
  t.same(longD.json(), { status: 'error', code: 'URI_TOO_LONG', message: 'URI too long' });
  const longE = await get(`/products/${'1'.repeat(2000)}`);
  t.equal(longE.statusCode, 414);
  t.same(longE.json(), { error: 'URI too long' });

  const malformed = await get('/api/data/%E0%A4%A');
  t.equal(malformed.statusCode, 400);
  t.same(malformed.json(), { status: 'error', code: 'INVALID_REQUEST', message: 'Malformed URL' });

  t.same((await get('/api/nothing-here')).json(), { status: 'error', code: 'NOT_FOUND', message: 'Not found' });
  t.same((await get('/elsewhere')).json(), { error: 'Not found' });
  const wrongMethod = await app.inject({ method: 'PATCH', url: '/register' });
  t.equal(wrongMethod.statusCode, 404);
  t.same(wrongMethod.json(), { error: 'Not found' });
});

t.test('text that is not valid Unicode (a lone surrogate) is refused as malformed, in every family', async (t) => {
  const { app } = await build(t);
  const post = (url: string, payload: string) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
  const lone = await post('/register', '{"username":"sur\\ud800rogate","password":"password-1"}');
  t.equal(lone.statusCode, 400);
  t.same(lone.json(), { error: 'Malformed JSON body: text must be valid Unicode' });
  t.equal((await post('/register', '{"username":"a","password":"p\\udfffassword-1"}')).statusCode, 400, 'a low surrogate alone');
  t.equal((await post('/register', '{"username":"a","password":"password-1","x":{"\\ud800":1}}')).statusCode, 400, 'in a key, deep down');
  t.same((await post('/users/register', '{"username":"a","email":"a@example.com","password":"\\ud800xxxxxxxx"}')).json(), {
    statusCode: 400,
    responseCode: 600,
    error: 'Malformed JSON body: text must be valid Unicode',
  });
  t.match((await post('/api/register', '{"username":"\\udc00"}')).json(), { status: 'error', code: 'INVALID_REQUEST' });
  const pair = await post('/register', '{"username":"pair_ok","password":"emoji-\\ud83c\\udf89-pw"}');
  t.equal(pair.statusCode, 201, 'a surrogate pair (🎉) is valid text');
});

t.test('bytes that are not HTTP get a JSON answer, not Fastify\'s own body', async (t) => {
  const { connect } = await import('node:net');
  const { app } = await build(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GARBAGE \x00\x01 NOT-HTTP\r\n\r\n'));
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  t.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/);
  t.match(answer, /\r\n\r\n\{"error":"Malformed HTTP request"\}$/);
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  t.equal(health.status, 200, 'the server carries on');
});

t.test('route schemas compile at their first use, and the rest in the background once ready', async (t) => {
  const later = new LaterCompiles();
  const app = Fastify({ schemaController: later.schemaController });
  t.teardown(() => app.close());
  await app.register(httpShell, { later });
  const N = Type.Object({ n: Type.Integer() });
  app.post('/a', { schema: { body: N, response: { 200: N } } }, async (request) => ({ ...(request.body as object), secret: 'not in the schema' }));
  app.get('/b', { schema: { querystring: N, response: { 200: N } } }, async (request) => request.query);
  await app.ready();
  const before = later.pending.size;
  // ajv's pair of instances, each route's validator and serializer (the HEAD route Fastify adds for /b
  // included), and the serializer compiler the routes share: none would be pending if compiled before listening.
  t.ok(before >= 6, `nothing compiled before the first request (${before} pending)`);

  const a = await app.inject({ method: 'POST', url: '/a', payload: { n: 1 } });
  t.same(a.json(), { n: 1 }, "the route's serializer answers only what its schema names");
  t.ok(later.pending.size < before, 'the first request compiled what it used');
  t.equal((await app.inject({ method: 'POST', url: '/a', payload: { n: 'one' } })).statusCode, 400, 'and its validator refuses');
  t.ok(later.pending.size > 0, "the other route's schemas wait");

  const deadline = Date.now() + 5000;
  while (later.pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  t.equal(later.pending.size, 0, 'the rest compiled in the background, a second after ready');
  const b = await app.inject({ method: 'GET', url: '/b?n=2' });
  t.same(b.json(), { n: 2 }, 'and serve as if compiled at their first use');
});
