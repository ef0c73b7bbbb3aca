// What every family shares: errors raised before any route runs still come
// in the family's envelope, never Fastify's own body.
import t from 'tap';
import { build } from '../support/app.js';

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
