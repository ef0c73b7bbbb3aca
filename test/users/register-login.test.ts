import t from 'tap';
import { build, READ_MODELS } from '../support/app.js';

for (const readModels of READ_MODELS) {
  t.test(`A/E register and login (${readModels} read models)`, async (t) => {
    const { app } = await build(t, { readModels });
    const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

    t.test('registers and signs in', async (t) => {
      const reg = await post('/register', { username: 'John_Doe', password: 'secretpassword' });
      t.equal(reg.statusCode, 201);
      const body = reg.json();
      t.match(body, { id: Number, username: 'John_Doe' });
      t.ok(Number.isInteger(body.id) && body.id > 0, 'positive integer id');

      const login = await post('/login', { username: 'john_doe', password: 'secretpassword' });
      t.equal(login.statusCode, 200, 'username matches case-insensitively');
      const token = login.json().access_token as string;
      const [, payload] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      t.equal(claims.sub, String(body.id));
      t.type(claims.sid, 'string');
      t.equal(claims.exp - claims.iat, 3600, 'one hour lifetime');
    });

    t.test('ids are allocated in order', async (t) => {
      const a = (await post('/register', { username: 'order_a', password: 'password1' })).json().id;
      const b = (await post('/register', { username: 'order_b', password: 'password1' })).json().id;
      t.ok(b > a, `${b} > ${a}`);
    });

    t.test('wrong password and unknown user are the same 401', async (t) => {
      await post('/register', { username: 'alice', password: 'correct horse' });
      const wrong = await post('/login', { username: 'alice', password: 'wrong horse!' });
      const unknown = await post('/login', { username: 'nobody', password: 'wrong horse!' });
      t.equal(wrong.statusCode, 401);
      t.same(wrong.json(), { error: 'Invalid credentials' });
      t.equal(unknown.statusCode, 401);
      t.same(unknown.json(), { error: 'Invalid credentials' });
    });

    t.test('taken username (any case) is 409', async (t) => {
      await post('/register', { username: 'Taken', password: 'password1' });
      const again = await post('/register', { username: 'tAKEN', password: 'password2' });
      t.equal(again.statusCode, 409);
      t.same(again.json(), { error: 'Username already exists' });
    });

    t.test('taken email is 409', async (t) => {
      await post('/register', { username: 'mail_one', password: 'password1', email: 'Same@Example.com' });
      const again = await post('/register', { username: 'mail_two', password: 'password1', email: 'same@example.COM' });
      t.equal(again.statusCode, 409);
      t.same(again.json(), { error: 'Email already exists' });
      const free = await post('/login', { username: 'mail_two', password: 'password1' });
      t.equal(free.statusCode, 401, 'the losing registration left no account');
      const retry = await post('/register', { username: 'mail_two', password: 'password1' });
      t.equal(retry.statusCode, 201, 'and did not keep its username');
    });

    t.test('bad input is 400 in the family envelope', async (t) => {
      const cases: [unknown, string][] = [
        [{ password: 'password1' }, 'Username and password are required'],
        [{ username: 'bob' }, 'Username and password are required'],
        [{ username: '', password: 'password1' }, 'Username and password are required'],
        [{ username: '   ', password: 'password1' }, 'Username and password are required'],
        [{}, 'Username and password are required'],
        [[], 'Username and password are required'],
        [{ username: 42, password: 'password1' }, 'username must be a string'],
        [{ username: 'bob', password: 12345678 }, 'password must be a string'],
        [{ username: 'b', password: 'password1' }, 'Username must be 3 to 64 characters: letters, digits, _ . -'],
        [{ username: 'bad name', password: 'password1' }, 'Username must be 3 to 64 characters: letters, digits, _ . -'],
        [{ username: 'bobby', password: 'short' }, 'Password must be 8 to 128 characters'],
        [{ username: 'bobby', password: 'x'.repeat(129) }, 'Password must be 8 to 128 characters'],
        [{ username: 'bobby', password: 'password1', email: 'not-an-email' }, 'Invalid email address'],
      ];
      for (const [payload, error] of cases) {
        const res = await post('/register', payload);
        t.equal(res.statusCode, 400, JSON.stringify(payload));
        t.same(res.json(), { error }, JSON.stringify(payload));
      }
      const login = await post('/login', { username: 'bobby' });
      t.equal(login.statusCode, 400);
      t.same(login.json(), { error: 'Username and password are required' });
    });

    t.test('malformed JSON, wrong content type, oversized body', async (t) => {
      const bad = await app.inject({
        method: 'POST',
        url: '/register',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "x",',
      });
      t.equal(bad.statusCode, 400);
      t.same(bad.json(), { error: 'Malformed JSON body' });
      const text = await app.inject({
        method: 'POST',
        url: '/login',
        headers: { 'content-type': 'text/plain' },
        payload: 'username=x',
      });
      t.equal(text.statusCode, 415);
      t.match(text.json(), { error: String });
      const big = await post('/register', { username: 'big', password: 'password1', pad: 'x'.repeat(100 * 1024) });
      t.equal(big.statusCode, 413);
      t.match(big.json(), { error: /too large/ });
    });

    t.test('unknown paths are 404 {"error": "Not found"}', async (t) => {
      const res = await app.inject({ method: 'GET', url: '/nowhere' });
      t.equal(res.statusCode, 404);
      t.same(res.json(), { error: 'Not found' });
    });

    t.test('20 concurrent registrations of one new name: exactly one 201', async (t) => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post('/register', { username: 'Racer', password: `password-${i}` })),
      );
      const codes = results.map((r) => r.statusCode).sort();
      t.same(codes, [201, ...Array(19).fill(409)]);
      const winner = results.findIndex((r) => r.statusCode === 201);
      const login = await post('/login', { username: 'racer', password: `password-${winner}` });
      t.equal(login.statusCode, 200, 'the winner signs in with its own password');
    });

    t.test('concurrent registrations with one email: exactly one 201', async (t) => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post('/register', { username: `mailracer${i}`, password: 'password1', email: 'race@example.com' }),
        ),
      );
      t.same(results.map((r) => r.statusCode).sort(), [201, ...Array(9).fill(409)]);
    });
  });
}
