// After a full journey through every family (registration, sign-in, codes,
// resets, logout, deletion), no password, code, token or session id the
// journey used appears in the event log, the users read model (memory and
// Redis, and every Redis key of the run), or the log lines.
import t, { type Test } from 'tap';
import { Redis } from 'ioredis';
import { USERS } from '../../projections/users.js';
import { REDIS_URL, READ_MODELS } from '../support/app.js';
import { bearer, buildWithMail, type MailApp } from '../support/accounts.js';

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
  return { secrets: [...secrets], mailedCode: cCode };
}

/** Where a secret occurs in a text: digits-only secrets (codes) only as a whole number. */
function occurs(text: string, secret: string): boolean {
  if (/^\d+$/.test(secret)) return new RegExp(`(?<![0-9])${secret}(?![0-9])`).test(text);
  return text.includes(secret);
}

async function redisContents(prefix: string): Promise<string> {
  const redis = new Redis(REDIS_URL);
  try {
    const parts: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        parts.push(key);
        if (type === 'string') parts.push(String(await redis.get(key)));
        else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, '0', '-1', 'WITHSCORES')));
      }
    } while (cursor !== '0');
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}

for (const readModels of READ_MODELS) {
  t.test(`no plaintext secret anywhere after a journey through every family (${readModels})`, async (t) => {
    const m = await buildWithMail(t, { readModels, env: { LOG_LEVEL: 'trace', AUTH_RATE_LIMIT: '1000' } });
    const { secrets, mailedCode } = await journey(m, t);
    t.ok(secrets.length >= 30, `${secrets.length} secrets used`);

    // The scanner finds what is there: a mailed code is in the mail, a token in a response.
    t.ok(occurs(m.sink.messages.map((x) => x.text).join('\n'), mailedCode), 'the scanner finds a code where it is');
    t.notOk(occurs(`x1${mailedCode}`, mailedCode), 'but not inside a longer number');

    const events: string[] = [];
    for await (const e of m.eventStore.readAll()) events.push(JSON.stringify({ type: e.type, stream: e.stream, data: e.data, metadata: e.metadata }));
    t.ok(events.length > 50, `${events.length} events`);
    const places: [string, string][] = [
      ['the event log', events.join('\n')],
      [`the users read model (${readModels})`, JSON.stringify(await m.readStore.dump(USERS))],
      ['the log lines', m.logs.lines.join('\n')],
    ];
    if (readModels === 'redis') places.push(['every Redis key of the run', await redisContents(m.config.redisKeyPrefix)]);
    t.ok(m.logs.lines.length > 60, `${m.logs.lines.length} log lines (trace level)`);
    t.ok(m.logs.lines.some((l) => l.includes('mail could not be sent')), 'the failed mail was logged');
    t.ok(m.logs.lines.some((l) => l.includes('"url":"/users/reset-password/[Redacted]"')), 'the reset link was logged, redacted');

    for (const [where, text] of places) {
      t.ok(text.length > 0, `${where} is not empty`);
      const found = secrets.filter((s) => occurs(text, s));
      t.same(found, [], `no secret in ${where}`);
    }
  });
}
