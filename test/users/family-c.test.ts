// Family C (Auth): /auth, /auth/create and the forgotten-password flow
// (code by mail → reset token → new password).
import t from 'tap';
import { handle } from '../../src/infra/commands.js';
import { createKeyedHash } from '../../src/infra/secrets.js';
import { userDecider } from '../../src/users/decider.js';
import { streams } from '../../src/users/events.js';
import { bearer, buildWithMail, clock, registerVerifiedB, sessionOf } from '../support/accounts.js';

t.test('C: /auth, /auth/create, /auth/forgot[/otp|/reset]', async (t) => {
  const time = clock();
  const m = await buildWithMail(t, { now: time.now });
  const { post, sink, app } = m;

  t.test('create: 201 with user_id as a string; the delivery address under either key', async (t) => {
    const address = { state: 'New York', district: 'New York', city: 'New York', pincode: '10001', address_lane: '5678 Oak Avenue', landmark: 'Next to Empire State Building' };
    const res = await post('/auth/create', {
      username: 'newuser123',
      email: 'newuser@example.com',
      password: 'secretpassword',
      phoneNumber: 1234567890,
      'delivery Address': address,
    });
    t.equal(res.statusCode, 201);
    const body = res.json();
    t.same(Object.keys(body).sort(), ['message', 'user_id']);
    t.equal(body.message, 'Account created successfully');
    t.match(body.user_id, /^[1-9][0-9]*$/);
    const { profile } = await m.registered(body.user_id);
    t.same(profile, { phoneNumber: 1234567890, deliveryAddress: address }, 'kept under one name');

    const second = await post('/auth/create', {
      username: 'camel_case',
      email: 'camel@example.com',
      password: 'secretpassword',
      phoneNumber: '+1 (555) 010-9999',
      deliveryAddress: { city: 'Boston', country: 'US' },
    });
    t.equal(second.statusCode, 201);
    t.ok(Number(second.json().user_id) > Number(body.user_id), 'ids in order');
    const auth = await post('/auth', { username: 'camel_case', password: 'secretpassword' });
    t.equal(auth.statusCode, 200, 'active at once');
  });

  t.test('create: taken names are 409, bad input 400', async (t) => {
    const taken = await post('/auth/create', { username: 'NEWUSER123', email: 'other@example.com', password: 'secretpassword' });
    t.equal(taken.statusCode, 409);
    t.same(taken.json(), { error: 'Username already exists' });
    const email = await post('/auth/create', { username: 'other', email: 'NewUser@example.com', password: 'secretpassword' });
    t.equal(email.statusCode, 409);
    t.same(email.json(), { error: 'Email already exists' });

    const base = { username: 'valid_name', email: 'valid@example.com', password: 'secretpassword' };
    const cases: [unknown, string][] = [
      [{ email: 'a@example.com', password: 'secretpassword' }, 'Username, email and password are required'],
      [{ username: 'abc', password: 'secretpassword' }, 'Username, email and password are required'],
      [{ ...base, password: '' }, 'Username, email and password are required'],
      ['text', 'Username, email and password are required'],
      [{ ...base, username: 12 }, 'username must be a string'],
      [{ ...base, email: 'bad' }, 'Invalid email address'],
      [{ ...base, password: 'short' }, 'Password must be 8 to 128 characters'],
      [{ ...base, phoneNumber: true }, 'phoneNumber must be a number or a string of digits'],
      [{ ...base, phoneNumber: 'call me' }, 'phoneNumber must be a number or a string of digits'],
      [{ ...base, phoneNumber: -5 }, 'phoneNumber must be a number or a string of digits'],
      [{ ...base, 'delivery Address': 'Main St' }, 'delivery Address must be an object of text fields'],
      [{ ...base, deliveryAddress: { city: 5 } }, 'deliveryAddress must be an object of text fields'],
      [{ ...base, deliveryAddress: { city: 'A' }, 'delivery Address': { city: 'B' } }, 'Give the delivery address once: "delivery Address" or deliveryAddress'],
    ];
    for (const [body, error] of cases) {
      const res = await post('/auth/create', body);
      t.equal(res.statusCode, 400, JSON.stringify(body));
      t.same(res.json(), { error }, JSON.stringify(body));
    }
    t.equal((await post('/auth', { username: 'valid_name', password: 'secretpassword' })).statusCode, 401, 'none of them created it');
  });

  t.test('/auth: a token for any family; 401, 400, and 403 for unverified B accounts', async (t) => {
    const ok = await post('/auth', { username: 'newuser123', password: 'secretpassword' });
    t.equal(ok.statusCode, 200);
    t.same(Object.keys(ok.json()).sort(), ['message', 'token']);
    t.equal(ok.json().message, 'Authentication successful');
    t.equal(await sessionOf(app, ok.json().token), true);

    for (const body of [
      { username: 'newuser123', password: 'wrong-password' },
      { username: 'nobody', password: 'secretpassword' },
    ]) {
      const res = await post('/auth', body);
      t.equal(res.statusCode, 401);
      t.same(res.json(), { error: 'Invalid credentials' });
    }
    for (const body of [{ username: 'newuser123' }, { password: 'x' }, { username: ' ', password: 'x' }, {}]) {
      const res = await post('/auth', body);
      t.equal(res.statusCode, 400, JSON.stringify(body));
      t.same(res.json(), { error: 'Username and password are required' });
    }
    const typed = await post('/auth', { username: 'newuser123', password: 42 });
    t.same(typed.json(), { error: 'password must be a string' });

    await post('/users/register', { username: 'b_unverified', email: 'bu@example.com', password: 'password-b' });
    const unverified = await post('/auth', { username: 'b_unverified', password: 'password-b' });
    t.equal(unverified.statusCode, 403);
    t.same(unverified.json(), { error: 'Email not verified' });
  });

  t.test('forgot: the same 200 for known and unknown emails; a code to the known one only', async (t) => {
    const before = sink.messages.length;
    const known = await post('/auth/forgot', { email: 'newuser@example.com' });
    const unknown = await post('/auth/forgot', { email: 'nobody@example.com' });
    t.equal(known.statusCode, 200);
    t.same(known.json(), { message: 'password reset OTP sent to newuser@example.com' });
    t.equal(unknown.statusCode, 200);
    t.same(unknown.json(), { message: 'password reset OTP sent to nobody@example.com' });
    t.equal(sink.messages.length, before + 1);
    t.match(sink.last('newuser@example.com').text, /^\d{6}$/m);

    for (const [body, error] of [
      [{}, 'Email is required'],
      [{ email: '' }, 'Email is required'],
      [{ email: 'nope' }, 'Invalid email address'],
      [{ email: 7 }, 'email must be a string'],
    ] as const) {
      const res = await post('/auth/forgot', body);
      t.equal(res.statusCode, 400, JSON.stringify(body));
      t.same(res.json(), { error }, JSON.stringify(body));
    }
  });

  t.test('otp → reset token → new password; every session ends; each step single use', async (t) => {
    const session = (await post('/auth', { username: 'newuser123', password: 'secretpassword' })).json().token;
    await post('/auth/forgot', { email: 'newuser@example.com' });
    const otp = sink.code('newuser@example.com');
    const accepted = await post('/auth/forgot/otp', { email: 'newuser@example.com', otp });
    t.equal(accepted.statusCode, 200);
    t.same(Object.keys(accepted.json()).sort(), ['message', 'token']);
    t.equal(accepted.json().message, 'OTP accepted');
    const resetToken = accepted.json().token as string;

    const again = await post('/auth/forgot/otp', { email: 'newuser@example.com', otp });
    t.equal(again.statusCode, 401, 'the code is used');
    t.same(again.json(), { error: 'Invalid or expired OTP' });

    t.equal(await sessionOf(app, resetToken), 'invalid', 'a reset token is never an access token');
    const logout = await app.inject({ method: 'GET', url: '/logout', headers: bearer(resetToken) });
    t.equal(logout.json().responseCode, 611);

    const reset = await post('/auth/forgot/reset', { new_passoword: 'iAm@Home1' }, { authentication: resetToken });
    t.equal(reset.statusCode, 200);
    t.same(reset.json(), { message: 'Password reset instructions sent to newuser@example.com' });
    t.equal(await sessionOf(app, session), 'invalid', 'sessions revoked');
    t.equal((await post('/auth', { username: 'newuser123', password: 'secretpassword' })).statusCode, 401);
    t.equal((await post('/auth', { username: 'newuser123', password: 'iAm@Home1' })).statusCode, 200);

    const reuse = await post('/auth/forgot/reset', { new_passoword: 'another-pass' }, { authentication: resetToken });
    t.equal(reuse.statusCode, 401, 'the reset token is used');
    t.same(reuse.json(), { error: 'Invalid or expired reset token' });
  });

  t.test('the code alone is accepted when exactly one account has it outstanding', async (t) => {
    await post('/auth/forgot', { email: 'camel@example.com' });
    const otp = sink.code('camel@example.com');
    const accepted = await post('/auth/forgot/otp', { otp });
    t.equal(accepted.statusCode, 200);
    const reset = await post('/auth/forgot/reset', { new_password: 'camel-new-pass' }, bearer(accepted.json().token));
    t.equal(reset.statusCode, 200, 'Authorization: Bearer and new_password work too');
    t.same(reset.json(), { message: 'Password reset instructions sent to camel@example.com' });
    t.equal((await post('/auth', { username: 'camel_case', password: 'camel-new-pass' })).statusCode, 200);

    const wrong = await post('/auth/forgot/otp', { otp: '000000' });
    t.equal(wrong.statusCode, 401);
    t.same(wrong.json(), { error: 'Invalid or expired OTP' });

    // Two accounts holding the same code (forced through the store; codes are random):
    // the code alone names nobody, the email settles it.
    const keyed = createKeyedHash(m.config.otpSecret);
    const users = await m.users();
    for (const name of ['newuser123', 'camel_case']) {
      await handle(m.eventStore, streams.user(Number(users[m.usernameIndex(name)])), userDecider, {
        type: 'RequestPasswordReset',
        data: { purpose: 'password-reset', codeKey: keyed('code:password-reset', '424242'), via: 'C' },
        metadata: { now: time.now() },
      });
    }
    // A later write through the app: it settles past ours, so the read model shows both codes.
    await post('/auth/create', { username: 'settler', email: 'settler@example.com', password: 'secretpassword' });
    const ambiguous = await post('/auth/forgot/otp', { otp: '424242' });
    t.equal(ambiguous.statusCode, 401, 'two accounts have it: refused');
    t.same(ambiguous.json(), { error: 'Invalid or expired OTP' });
    const named = await post('/auth/forgot/otp', { email: 'camel@example.com', otp: '424242' });
    t.equal(named.statusCode, 200, 'with the email it is accepted');
    const alone = await post('/auth/forgot/otp', { otp: '424242' });
    t.equal(alone.statusCode, 200, 'now only one account has it outstanding');
    t.equal((await post('/auth/forgot/otp', { otp: '424242' })).statusCode, 401, 'and it is used');
  });

  t.test('codes and reset tokens expire after 10 minutes; five wrong codes void one', async (t) => {
    await post('/auth/forgot', { email: 'newuser@example.com' });
    const otp = sink.code('newuser@example.com');
    time.advanceMinutes(10);
    t.equal((await post('/auth/forgot/otp', { email: 'newuser@example.com', otp })).statusCode, 401, 'code expired');
    time.advanceMinutes(-10);

    await post('/auth/forgot', { email: 'newuser@example.com' });
    const token = (await post('/auth/forgot/otp', { email: 'newuser@example.com', otp: sink.code('newuser@example.com') })).json().token;
    time.advanceMinutes(10);
    t.equal((await post('/auth/forgot/reset', { new_password: 'late-password' }, { authentication: token })).statusCode, 401, 'token expired');
    time.advanceMinutes(-10);

    await post('/auth/forgot', { email: 'newuser@example.com' });
    const code = sink.code('newuser@example.com');
    const wrong = code === '999999' ? '100000' : String(Number(code) + 1);
    for (let i = 0; i < 5; i++) await post('/auth/forgot/otp', { email: 'newuser@example.com', otp: wrong });
    t.equal((await post('/auth/forgot/otp', { email: 'newuser@example.com', otp: code })).statusCode, 401, 'void after five');
  });

  t.test('reset: bad requests are 400 or 401 and leave the token usable', async (t) => {
    await post('/auth/forgot', { email: 'newuser@example.com' });
    const token = (await post('/auth/forgot/otp', { email: 'newuser@example.com', otp: sink.code('newuser@example.com') })).json().token;
    const cases: [object, Record<string, string>, number, string][] = [
      [{}, { authentication: token }, 400, 'new_password is required'],
      [{ new_password: 'short' }, { authentication: token }, 400, 'Password must be 8 to 128 characters'],
      [{ new_passoword: 12345678 }, { authentication: token }, 400, 'Password must be 8 to 128 characters'],
      [{ new_password: 'one-password', new_passoword: 'two-password' }, { authentication: token }, 400, 'new_passoword and new_password differ'],
      [{ new_password: 'good-password' }, {}, 401, 'Reset token required'],
      [{ new_password: 'good-password' }, { authentication: 'garbage' }, 401, 'Invalid or expired reset token'],
      [{ new_password: 'good-password' }, bearer('1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 401, 'Invalid or expired reset token'],
    ];
    for (const [body, headers, status, error] of cases) {
      const res = await post('/auth/forgot/reset', body, headers);
      t.equal(res.statusCode, status, `${JSON.stringify(body)} ${JSON.stringify(headers)}`);
      t.same(res.json(), { error });
    }
    const access = (await post('/auth', { username: 'newuser123', password: 'iAm@Home1' })).json().token;
    const asReset = await post('/auth/forgot/reset', { new_password: 'good-password' }, bearer(access));
    t.equal(asReset.statusCode, 401, 'an access token is not a reset token');
    const ok = await post('/auth/forgot/reset', { new_password: 'good-password' }, { authentication: `Bearer ${token}` });
    t.equal(ok.statusCode, 200, 'the token survived every bad request');

    for (const [body, error] of [
      [{}, 'OTP is required'],
      [{ otp: '' }, 'OTP is required'],
      [{ otp: 123456 }, 'otp must be a string'],
      [{ otp: '123456', email: 'bad' }, 'Invalid email address'],
    ] as const) {
      const res = await post('/auth/forgot/otp', body);
      t.equal(res.statusCode, 400, JSON.stringify(body));
      t.same(res.json(), { error }, JSON.stringify(body));
    }
    const badJson = await app.inject({ method: 'POST', url: '/auth', headers: { 'content-type': 'application/json' }, payload: '{' });
    t.equal(badJson.statusCode, 400);
    t.same(badJson.json(), { error: 'Malformed JSON body' });
    const big = await post('/auth/create', { username: 'x', pad: 'y'.repeat(100 * 1024) });
    t.equal(big.statusCode, 413);
    t.match(big.json(), { error: /too large/ });
    const unknown = await app.inject({ method: 'GET', url: '/auth/nothing' });
    t.equal(unknown.statusCode, 404);
    t.same(unknown.json(), { error: 'Not found' });
  });

  t.test('a verified B account resets through C', async (t) => {
    await registerVerifiedB(m, 'b_person', 'bp@example.com', 'password-bp');
    await post('/auth/forgot', { email: 'bp@example.com' });
    const token = (await post('/auth/forgot/otp', { otp: sink.code('bp@example.com') })).json().token;
    t.equal((await post('/auth/forgot/reset', { new_passoword: 'bp-new-password' }, { authentication: token })).statusCode, 200);
    t.equal((await post('/users/login', { email: 'bp@example.com', password: 'bp-new-password' })).json().responseCode, 609);
  });
});
