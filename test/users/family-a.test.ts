// Family A (Dium): POST /reset mails a code when username and email match one
// account, answering the same in every well-formed case; POST /new-password
// takes the code as a JSON number.
import t from 'tap';
import { RESET_SENT } from '../../src/users/routes-a.js';
import { buildWithMail, clock, sessionOf } from '../support/accounts.js';

t.test('A: /reset and /new-password', async (t) => {
  const time = clock();
  const m = await buildWithMail(t, { now: time.now });
  const { post, sink } = m;
  const reg = await post('/register', { username: 'dium_user', password: 'old-password', email: 'Dium@Example.com' });
  t.equal(reg.statusCode, 201);
  await post('/register', { username: 'no_mail', password: 'old-password' });
  await post('/register', { username: 'other_user', password: 'old-password', email: 'other@example.com' });
  const login = () => post('/login', { username: 'dium_user', password: 'old-password' });

  t.test('answers the same whether or not the account exists, and mails only the owner', async (t) => {
    const SECURITY_HEADERS = [
      'cache-control', 'content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy',
      'origin-agent-cluster', 'referrer-policy', 'strict-transport-security', 'x-content-type-options',
      'x-dns-prefetch-control', 'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies',
      'x-request-id', 'x-xss-protection',
    ];
    const before = sink.messages.length;
    const cases = [
      { username: 'dium_user', email: 'dium@example.com' },
      { username: 'nobody_here', email: 'dium@example.com' },
      { username: 'dium_user', email: 'other@example.com' },
      { username: 'other_user', email: 'dium@example.com' },
      { username: 'no_mail', email: 'no_mail@example.com' },
    ];
    const answers = [];
    for (const body of cases) answers.push(await post('/reset', body));
    for (const a of answers) {
      t.equal(a.statusCode, 200);
      t.same(a.json(), { message: RESET_SENT });
      // The same headers for every case: the length and type, and those every answer carries (SECURITY_HEADERS).
      t.same(Object.keys(a.headers).filter((h) => !['date', 'connection'].includes(h)).sort(), ['content-length', 'content-type', ...SECURITY_HEADERS].sort());
    }
    t.equal(new Set(answers.map((a) => a.body)).size, 1, 'one body for all');
    t.equal(sink.messages.length, before + 1, 'exactly one mail');
    const mail = sink.last('dium@example.com');
    t.match(mail.text, /^\d{6}$/m, 'the code stands alone on a line');
    t.match(mail.subject, /password reset/i);
  });

  t.test('the code (a JSON number) sets a new password and ends every session', async (t) => {
    const token = (await login()).json().access_token as string;
    t.equal(await sessionOf(m.app, token), true);
    await post('/reset', { username: 'DIUM_USER', email: 'dium@example.com' });
    const otp = Number(sink.code('dium@example.com'));
    const res = await post('/new-password', { username: 'dium_user', otp, password: 'new-password' });
    t.equal(res.statusCode, 200);
    t.same(res.json(), { message: 'Password updated successfully' });
    t.equal(await sessionOf(m.app, token), 'invalid', 'the old session is revoked');
    t.equal((await login()).statusCode, 401, 'old password refused');
    t.equal((await post('/login', { username: 'dium_user', password: 'new-password' })).statusCode, 200);

    const again = await post('/new-password', { username: 'dium_user', otp, password: 'third-password' });
    t.equal(again.statusCode, 401, 'single use');
    t.same(again.json(), { error: 'invalid credentials' });
  });

  t.test('wrong, expired, superseded and unknown are 401 invalid credentials', async (t) => {
    const expect401 = async (body: object, what: string) => {
      const res = await post('/new-password', body);
      t.equal(res.statusCode, 401, what);
      t.same(res.json(), { error: 'invalid credentials' }, what);
    };
    await post('/reset', { username: 'dium_user', email: 'dium@example.com' });
    const first = Number(sink.code('dium@example.com'));
    await post('/reset', { username: 'dium_user', email: 'dium@example.com' });
    const second = Number(sink.code('dium@example.com'));
    t.not(first, second);
    await expect401({ username: 'dium_user', otp: first, password: 'password-x' }, 'a newer code voids the older');
    await expect401({ username: 'nobody_here', otp: second, password: 'password-x' }, 'unknown username');
    await expect401({ username: 'other_user', otp: second, password: 'password-x' }, "another account's code");
    await expect401({ username: 'dium_user', otp: 12, password: 'password-x' }, 'not six digits');

    time.advanceMinutes(10);
    await expect401({ username: 'dium_user', otp: second, password: 'password-x' }, 'expired after 10 minutes');
    time.advanceMinutes(-10);
    await expect401({ username: 'dium_user', otp: second, password: 'password-x' }, 'and voided when seen expired');
  });

  t.test('five wrong attempts void the code', async (t) => {
    await post('/reset', { username: 'dium_user', email: 'dium@example.com' });
    const otp = Number(sink.code('dium@example.com'));
    const wrong = otp === 999_999 ? 100_000 : otp + 1;
    for (let i = 0; i < 5; i++) {
      t.equal((await post('/new-password', { username: 'dium_user', otp: wrong, password: 'password-x' })).statusCode, 401);
    }
    const right = await post('/new-password', { username: 'dium_user', otp, password: 'password-x' });
    t.equal(right.statusCode, 401, 'the right code no longer works');
  });

  t.test('a code outlives four wrong attempts', async (t) => {
    await post('/reset', { username: 'dium_user', email: 'dium@example.com' });
    const otp = Number(sink.code('dium@example.com'));
    const wrong = otp === 999_999 ? 100_000 : otp + 1;
    for (let i = 0; i < 4; i++) await post('/new-password', { username: 'dium_user', otp: wrong, password: 'password-x' });
    const right = await post('/new-password', { username: 'dium_user', otp, password: 'password-y' });
    t.equal(right.statusCode, 200);
  });

  t.test('bad input is 400 with the documented messages', async (t) => {
    const resetCases: [unknown, string][] = [
      [{ email: 'a@example.com' }, 'Missing username or email'],
      [{ username: 'dium_user' }, 'Missing username or email'],
      [{ username: '', email: 'a@example.com' }, 'Missing username or email'],
      [{ username: 'dium_user', email: '  ' }, 'Missing username or email'],
      [{}, 'Missing username or email'],
      ['just text', 'Missing username or email'],
      [{ username: 5, email: 'a@example.com' }, 'username must be a string'],
      [{ username: 'dium_user', email: ['a@example.com'] }, 'email must be a string'],
      [{ username: 'dium_user', email: 'not-an-email' }, 'Invalid email address'],
    ];
    for (const [body, error] of resetCases) {
      const res = await post('/reset', body);
      t.equal(res.statusCode, 400, JSON.stringify(body));
      t.same(res.json(), { error }, JSON.stringify(body));
    }
    const newPasswordCases: [unknown, string][] = [
      [{ otp: 123456, password: 'password-x' }, 'Missing username, OTP, or password'],
      [{ username: 'dium_user', password: 'password-x' }, 'Missing username, OTP, or password'],
      [{ username: 'dium_user', otp: 123456 }, 'Missing username, OTP, or password'],
      [{ username: 'dium_user', otp: 123456, password: '' }, 'Missing username, OTP, or password'],
      [{ username: 'dium_user', otp: '123456', password: 'password-x' }, 'otp must be a number'],
      [{ username: 'dium_user', otp: 1234.5, password: 'password-x' }, 'otp must be a number'],
      [{ username: 'dium_user', otp: null, password: 'password-x' }, 'otp must be a number'],
      [{ username: 'dium_user', otp: 123456, password: 'short' }, 'Password must be 8 to 128 characters'],
      [{ username: 'dium_user', otp: 123456, password: 'x'.repeat(129) }, 'Password must be 8 to 128 characters'],
      [{ username: 'dium_user', otp: 123456, password: 12345678 }, 'password must be a string'],
    ];
    for (const [body, error] of newPasswordCases) {
      const res = await post('/new-password', body);
      t.equal(res.statusCode, 400, JSON.stringify(body));
      t.same(res.json(), { error }, JSON.stringify(body));
    }
    for (const url of ['/reset', '/new-password']) {
      const bad = await m.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: '{"username": ',
      });
      t.equal(bad.statusCode, 400);
      t.same(bad.json(), { error: 'Malformed JSON body' });
      const big = await post(url, { username: 'dium_user', email: 'a@example.com', pad: 'x'.repeat(97 * 1024) });
      t.equal(big.statusCode, 413);
      t.match(big.json(), { error: /too large/ });
    }
  });

  t.test('an account registered through B cannot sign in through A/E until verified', async (t) => {
    await post('/users/register', { username: 'b_user', email: 'b@example.com', password: 'password-b' });
    const res = await post('/login', { username: 'b_user', password: 'password-b' });
    t.equal(res.statusCode, 403);
    t.same(res.json(), { error: 'Email not verified' });
    const wrong = await post('/login', { username: 'b_user', password: 'wrong-password' });
    t.equal(wrong.statusCode, 401, 'a wrong password learns nothing about verification');
    await post('/users/verify-sentcode', { email: 'b@example.com', password: 'password-b', code: sink.code('b@example.com') });
    t.equal((await post('/login', { username: 'b_user', password: 'password-b' })).statusCode, 200);
  });
});
