// Family B (Users): documented outcomes are HTTP 200 with a responseCode;
// malformed requests HTTP 400 with responseCode 600.
import t from 'tap';
import { userKeys } from '../../src/users/read-model.js';
import { READ_MODELS } from '../support/app.js';
import { bearer, buildWithMail, clock, registerVerifiedB, sessionOf } from '../support/accounts.js';

const outcome = (responseCode: number, extra: object = {}) => ({ statusCode: 200, responseCode, ...extra });

for (const readModels of READ_MODELS) {
  t.test(`B: /users/* and /logout (${readModels} read models)`, async (t) => {
    const time = clock();
    const m = await buildWithMail(t, { readModels, now: time.now });
    const { post, sink, app } = m;
    const del = (payload: unknown) =>
      app.inject({
        method: 'DELETE',
        url: '/users/delete-user',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
    const expectB = async (res: Promise<{ statusCode: number; json(): unknown }>, code: number, what = `responseCode ${code}`) => {
      const r = await res;
      t.equal(r.statusCode, 200, what);
      t.same(r.json(), outcome(code), what);
    };

    t.test('register: 615, unverified, a code by mail; 607 and 608 for taken names', async (t) => {
      const res = await post('/users/register', { username: 'negro', email: 'Alexander@Hotmail.com', password: 'negromancer' });
      t.equal(res.statusCode, 200);
      t.same(res.json(), outcome(615, { username: 'negro', email: 'alexander@hotmail.com' }));
      const mail = sink.last('alexander@hotmail.com');
      t.match(mail.text, /^\d{6}$/m, 'a standalone 6-digit code');
      t.match(mail.subject, /verification/i);
      const users = await m.users();
      const id = users[m.usernameIndex('negro')] as string;
      const account = users[userKeys.user(id)] as Record<string, string>;
      t.same(Object.keys(account).sort(), ['createdAt', 'id', 'verified', 'via'], 'the read model: nothing personal');
      t.match(account, { id, verified: '0', via: 'B' });
      t.match(await m.registered(id), { username: 'negro', email: 'alexander@hotmail.com', via: 'B' }, 'the log: as given, email normalised');

      await expectB(post('/users/register', { username: 'NEGRO', email: 'new@example.com', password: 'negromancer' }), 607);
      await expectB(post('/users/register', { username: 'fresh', email: 'ALEXANDER@hotmail.com', password: 'negromancer' }), 608);
      await post('/auth/create', { username: 'c_person', email: 'c@example.com', password: 'password-c' });
      await expectB(post('/users/register', { username: 'fresh2', email: 'c@example.com', password: 'negromancer' }), 608, 'emails are unique across families');
      await expectB(post('/users/register', { username: 'c_person', email: 'x@example.com', password: 'negromancer' }), 607, 'usernames too');
    });

    t.test('login needs a verified email: 601, then 609 with the session', async (t) => {
      await expectB(post('/users/login', { email: 'alexander@hotmail.com', password: 'negromancer' }), 601);
      await expectB(post('/users/login', { email: 'alexander@hotmail.com', password: 'wrong-password' }), 603);
      await expectB(post('/users/login', { email: 'nobody@hotmail.com', password: 'negromancer' }), 602);

      const code = sink.code('alexander@hotmail.com');
      await expectB(post('/users/verify-sentcode', { email: 'alexander@hotmail.com', password: 'negromancer', code }), 605);
      const users = await m.users();
      t.match(users[userKeys.user(users[m.emailIndex('alexander@hotmail.com')] as string)], { verified: '1' });

      const res = await post('/users/login', { email: 'Alexander@HOTMAIL.com', password: 'negromancer' });
      t.equal(res.statusCode, 200);
      const body = res.json();
      t.match(body, { statusCode: 200, responseCode: 609, username: 'negro', email: 'alexander@hotmail.com', sessionId: String, token: String });
      t.match(body.sessionId, /^[A-Za-z0-9_-]{32}$/);
      const cookie = String(res.headers['set-cookie']);
      t.match(cookie, new RegExp(`^sessionId=${body.sessionId};`));
      t.match(cookie, /HttpOnly/);
      t.match(cookie, /Path=\//);
      t.match(cookie, /Max-Age=3600/);
      t.equal(await sessionOf(app, body.token), true, 'the token is good on protected routes');
      const claims = JSON.parse(Buffer.from(body.token.split('.')[1], 'base64url').toString());
      t.equal(claims.sid, body.sessionId, 'the token names the session');
    });

    t.test('accounts from other families verify their email before B login', async (t) => {
      await expectB(post('/users/login', { email: 'c@example.com', password: 'password-c' }), 601);
      await expectB(post('/users/resend-verification-code', { email: 'C@example.com' }), 616);
      const code = sink.code('c@example.com');
      await expectB(post('/users/verify-sentcode', { email: 'c@example.com', password: 'password-c', code }), 605);
      t.equal((await post('/users/login', { email: 'c@example.com', password: 'password-c' })).json().responseCode, 609);
      await expectB(post('/users/resend-verification-code', { email: 'c@example.com' }), 605, 'already verified: nothing sent');
      await expectB(post('/users/verify-sentcode', { email: 'c@example.com', password: 'password-c', code }), 605, 'idempotent');
    });

    t.test('verify-sentcode: 610, 603, 604; five wrong codes void it; resend voids the older code', async (t) => {
      await post('/users/register', { username: 'verifier', email: 'v@example.com', password: 'password-v' });
      const first = sink.code('v@example.com');
      const wrong = first === '999999' ? '100000' : String(Number(first) + 1);
      await expectB(post('/users/verify-sentcode', { email: 'nobody@example.com', password: 'password-v', code: first }), 610);
      await expectB(post('/users/verify-sentcode', { email: 'v@example.com', password: 'wrong-pass', code: first }), 603);
      await expectB(post('/users/verify-sentcode', { email: 'v@example.com', password: 'password-v', code: wrong }), 604);

      await expectB(post('/users/resend-verification-code', { email: 'v@example.com' }), 616);
      const second = sink.code('v@example.com');
      if (second !== first) {
        await expectB(post('/users/verify-sentcode', { email: 'v@example.com', password: 'password-v', code: first }), 604, 'the older code is void');
      }
      const wrong2 = second === '999999' ? '100000' : String(Number(second) + 1);
      for (let i = 0; i < 4; i++) {
        await expectB(post('/users/verify-sentcode', { email: 'v@example.com', password: 'password-v', code: wrong2 }), 604);
      }
      await expectB(post('/users/verify-sentcode', { email: 'v@example.com', password: 'password-v', code: second }), 604, 'void after five wrong');
      await expectB(post('/users/login', { email: 'v@example.com', password: 'password-v' }), 601);

      await expectB(post('/users/resend-verification-code', { email: 'v@example.com' }), 616);
      time.advanceMinutes(10);
      await expectB(post('/users/verify-sentcode', { email: 'v@example.com', password: 'password-v', code: sink.code('v@example.com') }), 604, 'expired');
      time.advanceMinutes(-10);
      await expectB(post('/users/resend-verification-code', { email: 'nobody@example.com' }), 602);
      await expectB(post('/users/resend-verification-code', { email: 'v@example.com' }), 616);
      await expectB(post('/users/verify-sentcode', { email: 'v@example.com', password: 'password-v', code: sink.code('v@example.com') }), 605);
    });

    t.test('logout ends the session named by the cookie, a Bearer token or a Bearer session id; 611 always', async (t) => {
      await registerVerifiedB(m, 'leaver', 'leave@example.com', 'password-l');
      const login = async () => (await post('/users/login', { email: 'leave@example.com', password: 'password-l' })).json();
      const [a, b, c, d] = [await login(), await login(), await login(), await login()];
      const logout = (opts: { cookies?: Record<string, string>; headers?: Record<string, string> }) =>
        app.inject({ method: 'GET', url: '/logout', ...opts });

      const byCookie = await logout({ cookies: { sessionId: a.sessionId } });
      t.equal(byCookie.statusCode, 200);
      t.same(byCookie.json(), outcome(611));
      t.match(String(byCookie.headers['set-cookie']), /^sessionId=;.*Max-Age=0/, 'the cookie is cleared');
      t.equal(await sessionOf(app, a.token), 'invalid');
      t.equal(await sessionOf(app, b.token), true, 'other sessions stay');

      await expectB(logout({ headers: bearer(b.token) }), 611);
      t.equal(await sessionOf(app, b.token), 'invalid');
      await expectB(logout({ headers: bearer(c.sessionId) }), 611);
      t.equal(await sessionOf(app, c.token), 'invalid');
      t.equal(await sessionOf(app, d.token), true);

      await expectB(logout({}), 611, 'no session named');
      await expectB(logout({ cookies: { sessionId: 'not-a-session' } }), 611, 'unknown session');
      await expectB(logout({ headers: bearer(a.token) }), 611, 'already ended');
      await expectB(logout({ headers: { authorization: 'Basic abc' } }), 611, 'not a bearer');
      await expectB(logout({ headers: bearer('x'.repeat(5000)) }), 611, 'absurd token');
      t.equal(await sessionOf(app, d.token), true, 'none of that touched the live session');
    });

    t.test('ended sessions leave the read model', async (t) => {
      await registerVerifiedB(m, 'tidy', 'tidy@example.com', 'password-t');
      const s = (await post('/users/login', { email: 'tidy@example.com', password: 'password-t' })).json();
      const before = await sessionKeys();
      await app.inject({ method: 'GET', url: '/logout', headers: bearer(s.token) });
      const after = await sessionKeys();
      t.equal(before.length - after.length, 1, 'one session key removed');
    });

    t.test('reset-password: 612 and a link by mail; the link sets the password once (614, then 613)', async (t) => {
      await registerVerifiedB(m, 'resetter', 'reset@example.com', 'password-r');
      const session = (await post('/users/login', { email: 'reset@example.com', password: 'password-r' })).json();
      await expectB(post('/users/reset-password', { email: 'nobody@example.com' }), 602);
      await expectB(post('/users/reset-password', { email: 'RESET@example.com' }), 612);
      const token = sink.resetToken('reset@example.com');
      t.match(sink.last('reset@example.com').text, new RegExp(`/users/reset-password/${token.replace('.', '\\.')}`));

      const short = await post(`/users/reset-password/${token}`, { password: 'short' });
      t.equal(short.statusCode, 400, 'the password rule first');
      t.same(short.json(), { statusCode: 400, responseCode: 600, error: 'Password must be 8 to 128 characters' });
      await expectB(post(`/users/reset-password/${token}`, { password: 'brand-new-pass' }), 614, 'the link survived the bad request');
      t.equal(await sessionOf(app, session.token), 'invalid', 'every session ended');
      await expectB(post('/users/login', { email: 'reset@example.com', password: 'password-r' }), 603);
      t.equal((await post('/users/login', { email: 'reset@example.com', password: 'brand-new-pass' })).json().responseCode, 609);
      await expectB(post(`/users/reset-password/${token}`, { password: 'another-pass' }), 613, 'single use');
      await expectB(post('/users/reset-password/garbage', { password: 'another-pass' }), 613);
      await expectB(post('/users/reset-password/999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { password: 'another-pass' }), 613);

      await post('/users/reset-password', { email: 'reset@example.com' });
      const older = sink.resetToken('reset@example.com');
      await post('/users/reset-password', { email: 'reset@example.com' });
      const newer = sink.resetToken('reset@example.com');
      await expectB(post(`/users/reset-password/${older}`, { password: 'another-pass' }), 613, 'a newer link voids the older');
      time.advanceMinutes(60);
      await expectB(post(`/users/reset-password/${newer}`, { password: 'another-pass' }), 613, 'links expire after 60 minutes');
      time.advanceMinutes(-60);
      await post('/users/reset-password', { email: 'reset@example.com' });
      time.advanceMinutes(59);
      await expectB(post(`/users/reset-password/${sink.resetToken('reset@example.com')}`, { password: 'another-pass' }), 614, 'good at 59 minutes');
      time.advanceMinutes(-59);
    });

    t.test('delete-user: 610, 603, then 617; sessions end and the names are free', async (t) => {
      await registerVerifiedB(m, 'goner', 'gone@example.com', 'password-g');
      const session = (await post('/users/login', { email: 'gone@example.com', password: 'password-g' })).json();
      const id = (await m.users())[m.usernameIndex('goner')] as string;
      await expectB(del({ email: 'nobody@example.com', password: 'password-g' }), 610);
      await expectB(del({ email: 'gone@example.com', password: 'wrong-pass' }), 603);
      await expectB(del({ email: 'GONE@example.com', password: 'password-g' }), 617);
      t.equal(await sessionOf(app, session.token), 'invalid');
      const users = await m.users();
      for (const key of [userKeys.user(id), m.usernameIndex('goner'), m.emailIndex('gone@example.com')]) {
        t.notOk(key in users, `${key} dropped from the read model`);
      }
      t.notOk(Object.values(users).some((v) => JSON.stringify(v).includes(`"userId":"${id}"`)), 'no session of it left');
      await expectB(post('/users/login', { email: 'gone@example.com', password: 'password-g' }), 602);
      t.equal((await post('/login', { username: 'goner', password: 'password-g' })).statusCode, 401);
      await expectB(del({ email: 'gone@example.com', password: 'password-g' }), 610, 'already gone');
      const again = await post('/users/register', { username: 'Goner', email: 'gone@example.com', password: 'password-2' });
      t.same(again.json(), outcome(615, { username: 'Goner', email: 'gone@example.com' }), 'username and email free again');
    });

    t.test('malformed requests are HTTP 400 with responseCode 600', async (t) => {
      const cases: [string, unknown, string][] = [
        ['/users/register', { email: 'a@example.com', password: 'password-1' }, 'username is required'],
        ['/users/register', { username: 'abc', email: 'a@example.com', password: '' }, 'password is required'],
        ['/users/register', { username: 'abc', email: 'a@example.com', password: 12345678 }, 'password must be a string'],
        ['/users/register', { username: 'abc', email: 'nope', password: 'password-1' }, 'Invalid email address'],
        ['/users/register', { username: 'a b', email: 'a@example.com', password: 'password-1' }, 'Username must be 3 to 64 characters: letters, digits, _ . -'],
        ['/users/register', { username: 'abc', email: 'a@example.com', password: 'short' }, 'Password must be 8 to 128 characters'],
        ['/users/register', [1, 2], 'Request body must be a JSON object'],
        ['/users/login', { email: 'a@example.com' }, 'password is required'],
        ['/users/login', { email: 5, password: 'x' }, 'email must be a string'],
        ['/users/verify-sentcode', { email: 'a@example.com', password: 'password-1' }, 'code is required'],
        ['/users/verify-sentcode', { email: 'a@example.com', password: 'password-1', code: 123456 }, 'code must be a string'],
        ['/users/resend-verification-code', {}, 'email is required'],
        ['/users/resend-verification-code', { email: null }, 'email must be a string'],
        ['/users/reset-password', { email: '   ' }, 'email is required'],
        ['/users/reset-password/abc', {}, 'password is required'],
        ['/users/reset-password/abc', { password: ['x'] }, 'password must be a string'],
      ];
      for (const [url, body, error] of cases) {
        const res = await post(url, body);
        t.equal(res.statusCode, 400, `${url} ${JSON.stringify(body)}`);
        t.same(res.json(), { statusCode: 400, responseCode: 600, error }, `${url} ${JSON.stringify(body)}`);
      }
      const noBody = await app.inject({ method: 'DELETE', url: '/users/delete-user' });
      t.equal(noBody.statusCode, 400);
      t.match(noBody.json(), { statusCode: 400, responseCode: 600 });
      t.same((await del({ email: 'a@example.com' })).json(), { statusCode: 400, responseCode: 600, error: 'password is required' });

      const badJson = await app.inject({
        method: 'POST',
        url: '/users/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": "a@example.com", ',
      });
      t.equal(badJson.statusCode, 400);
      t.same(badJson.json(), { statusCode: 400, responseCode: 600, error: 'Malformed JSON body' });
      const big = await post('/users/register', { username: 'abc', email: 'a@example.com', password: 'x'.repeat(100 * 1024) });
      t.equal(big.statusCode, 413);
      t.match(big.json(), { statusCode: 413, responseCode: 413, error: /too large/ });
      const unknown = await app.inject({ method: 'GET', url: '/users/nothing-here' });
      t.equal(unknown.statusCode, 404);
      t.match(unknown.json(), { statusCode: 404, responseCode: 404 });
    });

    async function sessionKeys(): Promise<string[]> {
      return Object.keys(await m.users()).filter((k) => k.startsWith('session:'));
    }
  });
}
