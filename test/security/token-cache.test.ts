// The verifier keeps the principal of each token it verified lately, filed by
// the token's signature. A token that carries a kept token's signature over
// other claims is not that token: it is verified (and refused), the kept one
// still works, and neither is answered from the other's entry.
import t from 'tap';
import { build } from '../support/app.js';
import { signedInUser } from '../support/signed-in-user.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

t.test('a kept token\'s signature under other claims is refused, and the kept token still works', async (t) => {
  const { app } = await build(t);
  const alice = await signedInUser(app, 'alice');
  const mallory = await signedInUser(app, 'mallory');
  const stored = await app.inject({ method: 'POST', url: '/api/data', headers: alice.auth, payload: { key: 'diary', value: 'alice' } });
  t.equal(stored.statusCode, 201);
  const read = (token: string) => app.inject({ method: 'GET', url: '/api/data/diary', headers: { authorization: `Bearer ${token}` } });
  t.equal((await read(alice.token)).statusCode, 200, 'alice\'s token, verified and kept');
  t.equal((await read(alice.token)).statusCode, 200, 'and again, from what was kept');

  const [header, payload, signature] = alice.token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const forged = [
    `${header}.${b64({ ...claims, sub: String(mallory.id) })}.${signature}`,
    `${header}.${b64({ ...claims, exp: Number(claims.exp) + 86_400 })}.${signature}`,
    `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
    `x.${signature}`,
    signature,
  ];
  for (const token of forged) {
    t.equal((await read(token)).statusCode, 401, `refused: ${token.slice(0, 24)}…`);
    t.equal((await read(alice.token)).statusCode, 200, 'alice\'s own token still works after it');
  }
  t.equal((await read(mallory.token)).statusCode, 404, 'mallory\'s own token works, and she has no such key');
  t.equal((await read(alice.token)).json().data.value, 'alice', 'alice reads her own value');
});
