// D's values are sealed in the read models and opened when read; a value read
// again is served from the opened copy, and its answer's JSON is written once.
// Every answer still carries its headers, each caller gets only their own
// value (two users, one key name), and a write, a delete or the account's
// deletion shows in the next answer at once. In process and through Redis's
// read cache.
import t from 'tap';
import { build } from '../support/app.js';
import { signedInUser } from '../support/signed-in-user.js';

for (const readModels of ['memory', 'redis'] as const) {
  t.test(`cached D reads (${readModels} read models)`, async (t) => {
    const { app } = await build(t, { readModels });
    const ann = await signedInUser(app, `ann_d_${readModels}`);
    const bobD = { username: `bob_d_${readModels}`, email: `bob.d.${readModels}@example.com`, password: 'password-bob-1', full_name: 'Bob D', age: 40, gender: 'm' };
    const signUpBob = async () => {
      const reg = await app.inject({ method: 'POST', url: '/api/register', payload: bobD });
      t.equal(reg.statusCode, 201, `bob registers (${reg.body})`);
      const token = await app.inject({ method: 'POST', url: '/api/token', payload: { username: bobD.username, password: bobD.password } });
      return { auth: { authorization: `Bearer ${token.json().data.access_token}` } };
    };
    const bob = await signUpBob();
    const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, auth: Record<string, string>, payload?: object) =>
      app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

    t.equal((await call('POST', '/api/data', ann.auth, { key: 'prefs', value: { theme: 'dark', n: 1 } })).statusCode, 201);
    t.equal((await call('POST', '/api/data', bob.auth, { key: 'prefs', value: [1, 2, 3] })).statusCode, 201);

    const reads = [];
    for (let i = 0; i < 3; i += 1) reads.push(await call('GET', '/api/data/prefs', ann.auth));
    for (const [i, res] of reads.entries()) {
      t.equal(res.statusCode, 200);
      t.equal(res.headers['content-type'], 'application/json; charset=utf-8', `read ${i + 1}: JSON`);
      t.equal(res.headers['x-content-type-options'], 'nosniff', `read ${i + 1}: security headers`);
      t.equal(res.headers['content-length'], String(Buffer.byteLength(res.body)), `read ${i + 1}: length`);
      t.equal(res.body, reads[0]!.body, 'byte for byte the first answer');
    }
    t.same(reads[0]!.json(), { status: 'success', data: { key: 'prefs', value: { theme: 'dark', n: 1 } } });
    t.equal(new Set(reads.map((r) => r.headers['x-request-id'])).size, 3, 'a request id of its own each');
    t.same((await call('GET', '/api/data/prefs', bob.auth)).json().data, { key: 'prefs', value: [1, 2, 3] }, "the same key name: the other user's own value");

    t.equal((await call('PUT', '/api/data/prefs', ann.auth, { value: 'light' })).statusCode, 200);
    t.same((await call('GET', '/api/data/prefs', ann.auth)).json().data.value, 'light', 'an update shows at once');
    t.equal((await call('DELETE', '/api/data/prefs', ann.auth)).statusCode, 200);
    t.equal((await call('GET', '/api/data/prefs', ann.auth)).json().code, 'KEY_NOT_FOUND', 'a delete shows at once');
    t.same((await call('GET', '/api/data/prefs', bob.auth)).json().data.value, [1, 2, 3], "the other user's value stays");

    // Bob's account deleted (B's delete-user): his value is gone with his data key.
    const deleted = await app.inject({ method: 'DELETE', url: '/users/delete-user', payload: { email: bobD.email, password: bobD.password } });
    t.equal(deleted.json().responseCode, 617, 'bob deleted');
    const again = await signUpBob();
    t.equal((await call('GET', '/api/data/prefs', again.auth)).json().code, 'KEY_NOT_FOUND', 'a new account of the same name starts empty');
  });
}
