// After a full journey through every family (registration, sign-in, codes,
// resets, logout, deletion, products, orders, data), no password, code, token
// or session id the journey used appears in the event log, the read models
// (memory and Redis, and every Redis key of the run), or the log lines; no
// answer carries a password hash or a field named like one, and no error
// answer echoes a secret.
import t, { type Test } from 'tap';
import { READ_MODELS } from '../support/app.js';
import { bearer, buildWithMail, type MailApp } from '../support/accounts.js';
import { hashLeaks, isErrorAnswer, occurs, recordAnswers, scanForSecrets } from '../support/secret-scan.js';

/** Runs the journey and answers every plaintext secret it used. */
async function journey(m: MailApp, t: Test): Promise<{ secrets: string[]; mailedCode: string }> {
  const { post, sink, app } = m;
  const secrets = new Set<string>();
  const keep = <T extends string | undefined>(s: T): T => {
    if (typeof s !== 'string' || s === '') throw new Error('a secret the journey expected is missing');
    secrets.add(s);
    return s;
  };
  const wrongCode = (code: string) => keep(code === '999999' ? '100000' : String(Number(code) + 1));
  const ok = (res: { statusCode: number; body: string }, status: number, what: string) => t.equal(res.statusCode, status, what);

  // A and E
  ok(await post('/register', { username: 'ae_user', password: keep('ae-password-1'), email: 'ae@example.com' }), 201, 'A/E register');
  keep((await post('/login', { username: 'ae_user', password: 'ae-password-1' })).json().access_token);
  ok(await post('/login', { username: 'ae_user', password: keep('ae-wrong-pass') }), 401, 'A/E wrong password');
  ok(await post('/reset', { username: 'ae_user', email: 'ae@example.com' }), 200, 'A reset');
  const aeCode = keep(sink.code('ae@example.com'));
  ok(await post('/new-password', { username: 'ae_user', otp: Number(wrongCode(aeCode)), password: keep('ae-password-2') }), 401, 'A wrong otp');
  ok(await post('/new-password', { username: 'ae_user', otp: Number(aeCode), password: 'ae-password-2' }), 200, 'A new password');
  keep((await post('/login', { username: 'ae_user', password: 'ae-password-2' })).json().access_token);

  // B
  ok(await post('/users/register', { username: 'b_user', email: 'b@example.com', password: keep('b-password-1') }), 200, 'B register');
  const bFirst = keep(sink.code('b@example.com'));
  await post('/users/verify-sentcode', { email: 'b@example.com', password: 'b-password-1', code: wrongCode(bFirst) });
  sink.reject = { code: 550, message: 'mailbox unavailable' };
  ok(await post('/users/resend-verification-code', { email: 'b@example.com' }), 503, 'a failed mail');
  sink.reject = null;
  await post('/users/resend-verification-code', { email: 'b@example.com' });
  const bCode = keep(sink.code('b@example.com'));
  t.equal((await post('/users/verify-sentcode', { email: 'b@example.com', password: 'b-password-1', code: bCode })).json().responseCode, 605);
  const signIn = async () => {
    const body = (await post('/users/login', { email: 'b@example.com', password: 'b-password-1' })).json();
    keep(body.sessionId);
    keep(body.token);
    return body as { sessionId: string; token: string };
  };
  const s1 = await signIn();
  await app.inject({ method: 'GET', url: '/logout', cookies: { sessionId: s1.sessionId } });
  const s2 = await signIn();
  await app.inject({ method: 'GET', url: '/logout', headers: bearer(s2.token) });
  const s3 = await signIn();
  await app.inject({ method: 'GET', url: '/logout', headers: bearer(s3.sessionId) });
  await signIn();
  await post('/users/login', { email: 'b@example.com', password: keep('b-wrong-pass') });
  await post('/users/reset-password', { email: 'b@example.com' });
  const link = keep(sink.resetToken('b@example.com'));
  await post(`/users/reset-password/${keep(`${link.split('.')[0]}.${'Z'.repeat(32)}`)}`, { password: 'b-password-x' });
  t.equal((await post(`/users/reset-password/${link}`, { password: keep('b-password-2') })).json().responseCode, 614);
  await app.inject({ method: 'DELETE', url: '/users/delete-user', payload: { email: 'b@example.com', password: 'b-password-1' } });
  t.equal(
    (await app.inject({ method: 'DELETE', url: '/users/delete-user', payload: { email: 'b@example.com', password: 'b-password-2' } })).json().responseCode,
    617,
  );

  // C
  ok(await post('/auth/create', { username: 'c_user', email: 'c@example.com', password: keep('c-password-1'), phoneNumber: 5550100 }), 201, 'C create');
  keep((await post('/auth', { username: 'c_user', password: 'c-password-1' })).json().token);
  await post('/auth', { username: 'c_user', password: keep('c-wrong-pass') });
  await post('/auth/forgot', { email: 'c@example.com' });
  const cCode = keep(sink.code('c@example.com'));
  ok(await post('/auth/forgot/otp', { email: 'c@example.com', otp: wrongCode(cCode) }), 401, 'C wrong otp');
  const cToken = keep((await post('/auth/forgot/otp', { email: 'c@example.com', otp: cCode })).json().token);
  ok(await post('/auth/forgot/reset', { new_passoword: keep('c-password-2') }, { authentication: cToken }), 200, 'C reset');
  ok(await post('/auth/forgot/reset', { new_passoword: keep('c-password-3') }, { authentication: cToken }), 401, 'C reset again');
  await post('/auth/forgot', { email: 'c@example.com' });
  const cToken2 = keep((await post('/auth/forgot/otp', { otp: keep(sink.code('c@example.com')) })).json().token);
  ok(await post('/auth/forgot/reset', { new_password: keep('c-password-4') }, bearer(cToken2)), 200, 'C reset by code alone');

  // D
  ok(await post('/api/register', { username: 'd_user', email: 'd@example.com', password: keep('d-password-1'), full_name: 'D', gender: 'x', age: 40 }), 201, 'D register');
  keep((await post('/api/token', { username: 'd_user', password: 'd-password-1' })).json().data.access_token);
  ok(await post('/api/token', { username: 'd_user', password: keep('d-wrong-pass') }), 401, 'D wrong password');

  // Products (E), orders (A) and data (D), with the tokens of three families, and their refusals.
  const dToken = keep((await post('/api/token', { username: 'd_user', password: 'd-password-1' })).json().data.access_token);
  const cSession = keep((await post('/auth', { username: 'c_user', password: 'c-password-4' })).json().token);
  const product = await post('/products', { name: 'Journey lamp', description: 'brass' }, bearer(dToken));
  ok(product, 201, 'E product');
  const id = product.json().id as number;
  ok(await app.inject({ method: 'PUT', url: `/products/${id}`, headers: bearer(cSession), payload: { name: 'x', description: 'y' } }), 403, 'E not the owner');
  ok(await app.inject({ method: 'GET', url: '/products?page=1&limit=5', headers: bearer(cSession) }), 200, 'E list');
  ok(await app.inject({ method: 'GET', url: `/products/${id}`, headers: bearer(`${cSession}x`) }), 401, 'E bad token');
  const order = await post('/orders', { items: [{ productId: id, quantity: 2 }] }, bearer(cSession));
  ok(order, 201, 'A order');
  ok(await app.inject({ method: 'GET', url: '/orders', headers: bearer(cSession) }), 200, 'A orders');
  ok(await app.inject({ method: 'GET', url: `/orders/${order.json().id as number}`, headers: bearer(dToken) }), 404, 'A not her order');
  ok(await post(`/orders/${order.json().id as number}/cancel`, {}, bearer(cSession)), 200, 'A cancel');
  ok(await post('/api/data', { key: 'journey', value: { kept: true } }, bearer(dToken)), 201, 'D data');
  ok(await app.inject({ method: 'GET', url: '/api/data/journey', headers: bearer(dToken) }), 200, 'D read');
  ok(await app.inject({ method: 'GET', url: '/api/data/journey', headers: bearer(cSession) }), 404, 'D not her key');
  ok(await app.inject({ method: 'PUT', url: '/api/data/journey', headers: bearer(dToken), payload: { value: null } }), 400, 'D bad value');
  ok(await post('/api/data', { key: 'fleeting', value: 1 }, bearer(dToken)), 201, 'D data');
  ok(await app.inject({ method: 'DELETE', url: '/api/data/fleeting', headers: bearer(dToken) }), 200, 'D delete');
  for (const url of ['/health', '/ready', '/metrics']) ok(await app.inject({ method: 'GET', url }), 200, url);
  return { secrets: [...secrets], mailedCode: cCode };
}

for (const readModels of READ_MODELS) {
  t.test(`no plaintext secret anywhere after a journey through every family (${readModels})`, async (t) => {
    const m = await buildWithMail(t, { readModels, env: { LOG_LEVEL: 'trace', AUTH_RATE_LIMIT: '1000' } });
    const answers = recordAnswers(m.app);
    const { secrets, mailedCode } = await journey(m, t);
    t.ok(secrets.length >= 30, `${secrets.length} secrets used`);

    // The scanner finds what is there: a mailed code is in the mail, a token in a response.
    t.ok(occurs(m.sink.messages.map((x) => x.text).join('\n'), mailedCode), 'the scanner finds a code where it is');
    t.notOk(occurs(`x1${mailedCode}`, mailedCode), 'but not inside a longer number');
    t.ok(answers.some((a) => secrets.some((s) => occurs(a.body, s))), 'and tokens in the answers that hand them out');

    let events = 0;
    for await (const _ of m.eventStore.readAll()) events += 1;
    t.ok(events > 50, `${events} events`);
    t.ok(m.logs.lines.length > 60, `${m.logs.lines.length} log lines (trace level)`);
    t.ok(m.logs.lines.some((l) => l.includes('mail could not be sent')), 'the failed mail was logged');
    t.ok(m.logs.lines.some((l) => l.includes('"url":"/users/reset-password/[Redacted]"')), 'the reset link was logged, redacted');
    await scanForSecrets(t, { ...m, ...(readModels === 'redis' ? { redisPrefix: m.config.redisKeyPrefix } : {}) }, secrets);

    // What clients got: no password hash in any answer, no secret echoed in a refusal.
    t.ok(answers.length > 50, `${answers.length} answers recorded`);
    t.same(
      answers.flatMap((a) => hashLeaks(a.body).map((leak) => `${a.method} ${a.url}: ${leak}`)),
      [],
      'no answer carries a password hash or a password or hash field',
    );
    const refusals = answers.filter(isErrorAnswer);
    t.ok(refusals.length >= 15, `${refusals.length} refusals`);
    t.same(
      refusals.filter((a) => secrets.some((s) => occurs(a.body, s))).map((a) => `${a.method} ${a.url} ${a.status}`),
      [],
      'no refusal echoes a secret',
    );
  });
}
