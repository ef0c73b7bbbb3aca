// Guessing codes stops at the attempt limit, and the rate limits hold per
// address and per account, across two instances sharing one Redis.
import t from 'tap';
import type { Test } from 'tap';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { envelopeProblem } from '../support/routes.js';
import { instancesSharingRedis, secret } from '../support/hostile-accounts.js';

// ---------------------------------------------------------------- brute force

const send = (app: FastifyInstance, method: string, url: string, payload: unknown, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: method as 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
  });

/** A wrong guess for a 6-digit code: any other 6-digit number. */
const wrongCode = (code: string, i: number) => String(100_000 + ((Number(code) - 100_000 + 1 + i * 7919) % 900_000));

interface GuessingResult {
  kinds: number;
  guesses: number;
}

/**
 * Every kind of one-time secret (A's reset code, C's reset code and reset
 * token, B's verification code and reset link): four wrong guesses and the
 * right one works; five wrong guesses and the right one fails too, and a new
 * one works again. Guesses alternate between two instances and come from a
 * new address each time, so the count lives in the event log, not in a
 * process or per address. The rate limits are off here: this is the
 * per-code limit alone.
 */
async function codeGuessing(t: Test): Promise<GuessingResult> {
  const { apps, sink, eventStore } = await instancesSharingRedis(t, { AUTH_RATE_LIMIT: '0' });
  let n = 0;
  const address = () => `10.7.${Math.floor(n / 250)}.${(n++ % 250) + 1}`;
  const on = (i: number) => apps[i % 2]!;
  const tag = randomUUID().slice(0, 6);
  const password = secret('guess-password');

  interface Kind {
    name: string;
    /** Sets up an account (once) and issues a fresh secret; answers it. */
    issue(round: number): Promise<string>;
    /** Presents a secret; answers whether it was accepted. */
    present(secretValue: string, i: number): Promise<boolean>;
    wrong(secretValue: string, i: number): string;
  }
  const codeOf = (email: string) => sink.code(email);
  const randomToken = (right: string, i: number) => `${right.split('.')[0]}.${Buffer.from(`wrong-guess-${i}-${tag}-padding-xx`).toString('base64url').slice(0, 32)}`;
  const account = async (name: string, via: 'A' | 'B' | 'C') => {
    const a = { username: `${name}_${tag}`, email: `${name}.${tag}@example.com`, password };
    const res =
      via === 'A'
        ? await send(on(0), 'POST', '/register', a, address())
        : via === 'C'
          ? await send(on(0), 'POST', '/auth/create', a, address())
          : await send(on(0), 'POST', '/users/register', a, address());
    if (res.statusCode >= 300 || (via === 'B' && res.json().responseCode !== 615)) throw new Error(`${name}: ${res.body}`);
    return a;
  };
  const kinds: Kind[] = [];
  {
    const a = await account('guess_a', 'A');
    kinds.push({
      name: "A's reset code (/new-password)",
      issue: async () => (await send(on(1), 'POST', '/reset', { username: a.username, email: a.email }, address()), codeOf(a.email)),
      present: async (code, i) => (await send(on(i), 'POST', '/new-password', { username: a.username, otp: Number(code), password }, address())).statusCode === 200,
      wrong: wrongCode,
    });
  }
  {
    const c = await account('guess_c', 'C');
    kinds.push({
      name: "C's reset code (/auth/forgot/otp)",
      issue: async () => (await send(on(1), 'POST', '/auth/forgot', { email: c.email }, address()), codeOf(c.email)),
      present: async (code, i) => (await send(on(i), 'POST', '/auth/forgot/otp', { email: c.email, otp: code }, address())).statusCode === 200,
      wrong: wrongCode,
    });
  }
  {
    const c = await account('guess_t', 'C');
    kinds.push({
      name: "C's reset token (/auth/forgot/reset)",
      async issue() {
        await send(on(1), 'POST', '/auth/forgot', { email: c.email }, address());
        return (await send(on(0), 'POST', '/auth/forgot/otp', { email: c.email, otp: codeOf(c.email) }, address())).json().token as string;
      },
      present: async (token, i) => (await send(on(i), 'POST', '/auth/forgot/reset', { new_password: password }, address(), { authentication: token })).statusCode === 200,
      wrong: randomToken,
    });
  }
  {
    const b = await account('guess_r', 'B');
    // Verified once, through the real code, so the reset link can be asked for.
    const verified = await send(on(0), 'POST', '/users/verify-sentcode', { email: b.email, password, code: codeOf(b.email) }, address());
    if (verified.json().responseCode !== 605) throw new Error(verified.body);
    kinds.push({
      name: "B's reset link (/users/reset-password/:token)",
      issue: async () => (await send(on(1), 'POST', '/users/reset-password', { email: b.email }, address()), sink.resetToken(b.email)),
      present: async (token, i) => (await send(on(i), 'POST', `/users/reset-password/${token}`, { password }, address())).json().responseCode === 614,
      wrong: randomToken,
    });
  }
  {
    // Verifying uses an account up: round 1 has its own; rounds 2 and 3 share one, round 3 by a resent code.
    let email = '';
    kinds.push({
      name: "B's email verification code (/users/verify-sentcode)",
      async issue(round) {
        if (round < 3) email = (await account(`guess_v${round}`, 'B')).email;
        else await send(on(1), 'POST', '/users/resend-verification-code', { email }, address());
        return `${email} ${codeOf(email)}`;
      },
      async present(value, i) {
        const [email, code] = value.split(' ') as [string, string];
        return (await send(on(i), 'POST', '/users/verify-sentcode', { email, password, code }, address())).json().responseCode === 605;
      },
      wrong: (value, i) => `${value.split(' ')[0]} ${wrongCode(value.split(' ')[1]!, i)}`,
    });
  }

  let guesses = 0;
  for (const kind of kinds) {
    const four = await kind.issue(1);
    for (let i = 0; i < 4; i++) {
      guesses += 1;
      t.notOk(await kind.present(kind.wrong(four, i), i), `${kind.name}: wrong guess ${i + 1} refused`);
    }
    t.ok(await kind.present(four, 5), `${kind.name}: after four wrong guesses the right one works`);

    const five = await kind.issue(2);
    const failedBefore = await countEvents(eventStore, 'OneTimeCodeAttemptFailed');
    for (let i = 0; i < 5; i++) {
      guesses += 1;
      t.notOk(await kind.present(kind.wrong(five, i), i), `${kind.name}: wrong guess ${i + 1} refused`);
    }
    t.equal((await countEvents(eventStore, 'OneTimeCodeAttemptFailed')) - failedBefore, 5, `${kind.name}: five attempts recorded, whichever instance and address`);
    t.notOk(await kind.present(five, 6), `${kind.name}: after five wrong guesses the right one fails too`);
    t.notOk(await kind.present(five, 7), `${kind.name}: on the other instance as well`);
    t.ok(await kind.present(await kind.issue(3), 8), `${kind.name}: a new one works`);
  }
  const voided: string[] = [];
  for await (const e of eventStore.readAll()) if (e.type === 'OneTimeCodeVoided' && e.data.reason === 'attempts') voided.push(String(e.data.purpose));
  t.same(voided.sort(), ['email-verification', 'password-reset', 'password-reset', 'reset-link', 'reset-token'], 'each voided for its attempts, once');
  return { kinds: kinds.length, guesses };
}

async function countEvents(store: EventStore, type: string): Promise<number> {
  let count = 0;
  for await (const e of store.readAll()) if (e.type === type) count += 1;
  return count;
}

interface RateLimitResult {
  limit: number;
  /** 429s seen, each checked for Retry-After and the family envelope. */
  limited: number;
}

/**
 * AUTH_RATE_LIMIT (e.g. 5) across two instances sharing one Redis: per
 * address (one address, other accounts each time, every family of a kind,
 * alternating instances) and per account (one account from a new address
 * each time); a limited account is limited even with the right password; an
 * address or an account over its limit does not limit the others; every 429
 * has Retry-After and the family's envelope; the codes routes are limited per
 * account too, so at most `limit` code guesses a minute reach an account.
 */
async function rateLimitsAcrossInstances(t: Test, options: { limit: number }): Promise<RateLimitResult> {
  const limit = options.limit;
  const { apps, sink } = await instancesSharingRedis(t, { AUTH_RATE_LIMIT: String(limit) });
  const tag = randomUUID().slice(0, 6);
  let limited = 0;
  const check429 = (res: LightMyRequestResponse, url: string, what: string) => {
    t.equal(res.statusCode, 429, what);
    if (res.statusCode !== 429) return;
    limited += 1;
    const retryAfter = Number(res.headers['retry-after']);
    t.ok(retryAfter >= 1 && retryAfter <= 60, `${what}: Retry-After ${retryAfter}`);
    t.equal(envelopeProblem(url, 429, res.json()), null, `${what}: the family envelope`);
  };
  const victim = { username: `victim_${tag}`, email: `victim.${tag}@example.com`, password: secret('victim-password') };
  if ((await send(apps[0], 'POST', '/auth/create', victim, '10.8.0.1')).statusCode !== 201) throw new Error('victim');

  // Sign-in, per address: every family's sign-in route shares one count.
  const signIns: [string, (name: string) => unknown][] = [
    ['/login', (name) => ({ username: name, password: 'wrong-password' })],
    ['/auth', (name) => ({ username: name, password: 'wrong-password' })],
    ['/api/token', (name) => ({ username: name, password: 'wrong-password' })],
    ['/users/login', (name) => ({ email: `${name}@example.com`, password: 'wrong-password' })],
  ];
  const attacker = '10.8.1.1';
  for (let i = 0; i < limit; i++) {
    const [url, body] = signIns[i % signIns.length]!;
    const res = await send(apps[i % 2]!, 'POST', url, body(`someone_${tag}_${i}`), attacker);
    t.not(res.statusCode, 429, `address: sign-in ${i + 1} of ${limit} through ${url} on instance ${(i % 2) + 1} passes`);
  }
  for (const [i, [url, body]] of signIns.entries()) {
    check429(await send(apps[i % 2]!, 'POST', url, body(`fresh_${tag}_${i}`), attacker), url, `address: over the limit through ${url}, instance ${(i % 2) + 1}`);
  }
  t.not((await send(apps[1], 'POST', '/login', { username: `fresh_${tag}`, password: 'wrong-password' }, '10.8.1.2')).statusCode, 429, 'another address is not limited');

  // Sign-in, per account: a new address each time, both instances, every family.
  for (let i = 0; i < limit; i++) {
    const [url, body] = signIns[i % 3]!; // the three that sign in by username
    const res = await send(apps[i % 2]!, 'POST', url, body(victim.username), `10.8.2.${i + 1}`);
    t.equal(res.statusCode, 401, `account: wrong password ${i + 1} of ${limit} from a new address through ${url}`);
  }
  check429(await send(apps[0], 'POST', '/auth', { username: victim.username, password: 'wrong-password' }, '10.8.2.200'), '/auth', 'account: over the limit from yet another address');
  check429(await send(apps[1], 'POST', '/login', { username: victim.username.toUpperCase(), password: victim.password }, '10.8.2.201'), '/login', 'account: even with the right password, however the name is spelled');
  t.equal((await send(apps[1], 'POST', '/login', { username: `other_${tag}`, password: 'wrong-password' }, '10.8.2.202')).statusCode, 401, 'other accounts from a fresh address are not limited');

  // Codes, per account: guesses at one account's reset code from rotating addresses.
  const coded = { username: `coded_${tag}`, email: `coded.${tag}@example.com`, password: secret('coded-password') };
  await send(apps[0], 'POST', '/register', coded, '10.8.3.1');
  await send(apps[1], 'POST', '/reset', { username: coded.username, email: coded.email }, '10.8.3.2');
  const code = sink.code(coded.email);
  for (let i = 0; i < limit; i++) {
    const res = await send(apps[i % 2]!, 'POST', '/new-password', { username: coded.username, otp: Number(wrongCode(code, i)), password: 'password-new' }, `10.8.4.${i + 1}`);
    t.equal(res.statusCode, 401, `code: wrong guess ${i + 1} from a new address`);
  }
  check429(
    await send(apps[0], 'POST', '/new-password', { username: coded.username, otp: Number(code), password: 'password-new' }, '10.8.4.200'),
    '/new-password',
    'code: the account is limited',
  );

  // Resets, per account (counted by the email given): mail bombing one address from many.
  const before = sink.to(coded.email).length;
  for (let i = 0; i < limit; i++) {
    const res = await send(apps[i % 2]!, 'POST', '/auth/forgot', { email: coded.email }, `10.8.5.${i + 1}`);
    t.equal(res.statusCode, 200, `reset: request ${i + 1} of ${limit} for one email`);
  }
  check429(await send(apps[0], 'POST', '/auth/forgot', { email: coded.email.toUpperCase() }, '10.8.5.200'), '/auth/forgot', 'reset: one email over the limit');
  t.equal(sink.to(coded.email).length - before, limit, `at most ${limit} reset mails a minute reach one address`);

  // Registration, per address, through B's envelope.
  for (let i = 0; i < limit; i++) {
    const res = await send(apps[i % 2]!, 'POST', '/users/register', { username: `reg_${tag}_${i}`, email: `reg${i}.${tag}@example.com`, password: 'password-reg' }, '10.8.6.1');
    t.equal(res.json().responseCode, 615, `registration ${i + 1} of ${limit} from one address`);
  }
  check429(
    await send(apps[1], 'POST', '/users/register', { username: `reg_${tag}_x`, email: `regx.${tag}@example.com`, password: 'password-reg' }, '10.8.6.1'),
    '/users/register',
    'registration: over the limit',
  );
  return { limit, limited };
}


t.test('five wrong guesses void any one-time secret, across instances and addresses', async (t) => {
  const result = await codeGuessing(t);
  t.equal(result.kinds, 5, 'every kind of one-time secret');
});

t.test('AUTH_RATE_LIMIT=5 per address and per account, across two instances', async (t) => {
  const result = await rateLimitsAcrossInstances(t, { limit: 5 });
  t.ok(result.limited >= 9, `${result.limited} answers limited, each checked`);
});
