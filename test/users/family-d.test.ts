// Family D (Registration API): /api/register with its error codes in a
// stated order, and /api/token.
import t from 'tap';
import { buildWithMail, sessionOf } from '../support/accounts.js';

const valid = {
  username: 'example_user',
  email: 'user@example.com',
  password: 'secure_password123',
  full_name: 'John Doe',
  age: 30,
  gender: 'male',
};

const without = (field: keyof typeof valid) => {
  const copy: Record<string, unknown> = { ...valid };
  delete copy[field];
  return copy;
};

t.test('D: /api/register and /api/token', async (t) => {
  const m = await buildWithMail(t);
  const { post, app } = m;
  const expectError = async (body: unknown, status: number, code: string, what = JSON.stringify(body)) => {
    const res = await post('/api/register', body);
    t.equal(res.statusCode, status, what);
    const json = res.json();
    t.same(Object.keys(json).sort(), ['code', 'message', 'status'], what);
    t.match(json, { status: 'error', code, message: String }, what);
    return json.message as string;
  };

  t.test('registers: 201 with the documented body, user_id a string', async (t) => {
    const res = await post('/api/register', valid);
    t.equal(res.statusCode, 201);
    const body = res.json();
    t.match(body, { status: 'success', message: 'User successfully registered!' });
    t.match(body.data.user_id, /^[1-9][0-9]*$/);
    const { password: _password, ...shown } = valid;
    t.same(body.data, { ...shown, user_id: body.data.user_id }, 'everything but the password, as given');

    const noAge = await post('/api/register', { ...without('age'), username: 'no_age', email: 'no-age@example.com' });
    t.equal(noAge.statusCode, 201, 'age is optional');
    t.notOk('age' in noAge.json().data);
  });

  t.test('each code, with its documented message', async (t) => {
    t.equal(
      await expectError(without('full_name'), 400, 'INVALID_REQUEST'),
      'Invalid request. Please provide all required fields: username, email, password, full_name.',
    );
    for (const f of ['username', 'email', 'password'] as const) await expectError(without(f), 400, 'INVALID_REQUEST');
    for (const f of ['username', 'email', 'password', 'full_name'] as const) {
      await expectError({ ...valid, [f]: '' }, 400, 'INVALID_REQUEST', `empty ${f}`);
      await expectError({ ...valid, [f]: '   ' }, 400, 'INVALID_REQUEST', `blank ${f}`);
    }
    await expectError([], 400, 'INVALID_REQUEST');
    await expectError('text', 400, 'INVALID_REQUEST');
    await expectError({ ...valid, username: 42 }, 400, 'INVALID_REQUEST');
    await expectError({ ...valid, username: 'x y' }, 400, 'INVALID_REQUEST');
    await expectError({ ...valid, email: 'not-mail' }, 400, 'INVALID_REQUEST');
    await expectError({ ...valid, full_name: 7 }, 400, 'INVALID_REQUEST');
    await expectError({ ...valid, gender: 1 }, 400, 'INVALID_REQUEST');

    t.equal(await expectError({ ...valid, password: 'short' }, 400, 'INVALID_PASSWORD'), 'The provided password does not meet the requirements (8 to 128 characters).');
    await expectError({ ...valid, password: 'x'.repeat(129) }, 400, 'INVALID_PASSWORD');
    await expectError({ ...valid, password: 12345678 }, 400, 'INVALID_PASSWORD');

    t.equal(await expectError({ ...valid, age: '30' }, 400, 'INVALID_AGE'), 'Invalid age value. Age must be a positive integer.');
    for (const age of [0, -1, 1.5, 151, null, true]) await expectError({ ...valid, age }, 400, 'INVALID_AGE', `age ${age}`);

    t.equal(
      await expectError(without('gender'), 400, 'GENDER_REQUIRED'),
      'Gender field is required. Please specify the gender (e.g., male, female, non-binary).',
    );
    await expectError({ ...valid, gender: '' }, 400, 'GENDER_REQUIRED');
    await expectError({ ...valid, gender: '  ' }, 400, 'GENDER_REQUIRED');

    t.equal(
      await expectError({ ...valid, email: 'fresh@example.com' }, 409, 'USERNAME_EXISTS'),
      'The provided username is already taken. Please choose a different username.',
    );
    await expectError({ ...valid, username: 'EXAMPLE_USER', email: 'fresh@example.com' }, 409, 'USERNAME_EXISTS', 'any case');
    t.equal(
      await expectError({ ...valid, username: 'fresh_user', email: 'USER@example.com' }, 409, 'EMAIL_EXISTS'),
      'The provided email is already registered. Please use a different email address.',
    );
  });

  t.test('the stated order: INVALID_REQUEST, INVALID_PASSWORD, INVALID_AGE, GENDER_REQUIRED, USERNAME_EXISTS, EMAIL_EXISTS', async (t) => {
    const { gender: _g, ...noGender } = valid;
    await expectError({ ...noGender, username: undefined, password: 'short', age: -1 }, 400, 'INVALID_REQUEST');
    await expectError({ ...noGender, password: 'short', age: -1 }, 400, 'INVALID_PASSWORD');
    await expectError({ ...noGender, age: -1 }, 400, 'INVALID_AGE');
    await expectError(noGender, 400, 'GENDER_REQUIRED', 'before the taken username and email');
    await expectError(valid, 409, 'USERNAME_EXISTS', 'before the taken email');
    await expectError({ ...valid, username: 'someone_else' }, 409, 'EMAIL_EXISTS');
  });

  t.test('bad JSON, oversized bodies and unknown paths keep the envelope', async (t) => {
    const bad = await app.inject({ method: 'POST', url: '/api/register', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    t.equal(bad.statusCode, 400);
    t.same(bad.json(), { status: 'error', code: 'INVALID_REQUEST', message: 'Malformed JSON body' });
    const big = await post('/api/register', { ...valid, full_name: 'x'.repeat(100 * 1024) });
    t.equal(big.statusCode, 413);
    t.match(big.json(), { status: 'error', code: 'PAYLOAD_TOO_LARGE' });
    const none = await app.inject({ method: 'GET', url: '/api/nothing' });
    t.equal(none.statusCode, 404);
    t.match(none.json(), { status: 'error', code: 'NOT_FOUND' });
  });

  t.test('token: 200 with expires_in 3600, good on every family', async (t) => {
    const res = await post('/api/token', { username: 'example_user', password: 'secure_password123' });
    t.equal(res.statusCode, 200);
    const body = res.json();
    t.match(body, { status: 'success', message: 'Access token generated successfully.', data: { access_token: String, expires_in: 3600 } });
    t.same(Object.keys(body.data).sort(), ['access_token', 'expires_in']);
    t.equal(await sessionOf(app, body.data.access_token), true);
    const claims = JSON.parse(Buffer.from(body.data.access_token.split('.')[1], 'base64url').toString());
    t.equal(claims.exp - claims.iat, 3600);
  });

  t.test('token errors: INVALID_CREDENTIALS, MISSING_FIELDS, INVALID_REQUEST, EMAIL_NOT_VERIFIED', async (t) => {
    const cases: [unknown, number, string][] = [
      [{ username: 'example_user', password: 'wrong_password' }, 401, 'INVALID_CREDENTIALS'],
      [{ username: 'nobody', password: 'secure_password123' }, 401, 'INVALID_CREDENTIALS'],
      [{ username: 'example_user' }, 400, 'MISSING_FIELDS'],
      [{ password: 'secure_password123' }, 400, 'MISSING_FIELDS'],
      [{ username: '', password: 'x' }, 400, 'MISSING_FIELDS'],
      [{}, 400, 'MISSING_FIELDS'],
      [{ username: 'example_user', password: 5 }, 400, 'INVALID_REQUEST'],
      [{ username: ['example_user'], password: 'x' }, 400, 'INVALID_REQUEST'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post('/api/token', body);
      t.equal(res.statusCode, status, JSON.stringify(body));
      t.match(res.json(), { status: 'error', code, message: String }, JSON.stringify(body));
    }
    t.equal(
      (await post('/api/token', { username: 'nobody', password: 'x' })).json().message,
      'Invalid credentials. The provided username or password is incorrect.',
    );
    await post('/users/register', { username: 'b_waiting', email: 'bw@example.com', password: 'password-bw' });
    const unverified = await post('/api/token', { username: 'b_waiting', password: 'password-bw' });
    t.equal(unverified.statusCode, 403);
    t.match(unverified.json(), { status: 'error', code: 'EMAIL_NOT_VERIFIED' });
  });
});
