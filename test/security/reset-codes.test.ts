// Spraying reset codes (issue 12, item 1): a code-only guess at C's
// /auth/forgot/otp is tested against every live code, so guesses draw on a
// risk budget shared by every client and instance, which AUTH_RATE_LIMIT=0
// does not turn off. Named guesses ({email, otp}, A's /new-password) draw on
// their own. A legitimate {otp}-only exchange still works on a quiet service.
import t from 'tap';
import type { LightMyRequestResponse } from 'fastify';
import { CODE_SPACE, GUESS_BUDGET } from '../../src/users/budgets.js';
import { buildWithMail, type MailApp } from '../support/accounts.js';
import { instancesSharingRedis } from '../support/hostile-accounts.js';

/** A 6-digit guess that is none of the given codes. */
function missFor(codes: Set<string>, i: number): string {
  for (let n = i; ; n += 1) {
    const guess = String(100_000 + ((n * 7919) % CODE_SPACE));
    if (!codes.has(guess)) return guess;
  }
}

/** `count` C accounts, each holding a live reset code; answers their emails and codes. */
async function accountsHoldingCodes(m: Pick<MailApp, 'post' | 'sink'>, count: number, tag: string) {
  const held: { email: string; username: string; code: string }[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, k) => start + k);
    await Promise.all(
      batch.map(async (i) => {
        const a = { username: `${tag}${i}`, email: `${tag}${i}@example.com`, password: `password-${tag}-${i}` };
        if ((await m.post('/auth/create', a)).statusCode !== 201) throw new Error(`create ${a.username}`);
        if ((await m.post('/auth/forgot', { email: a.email })).statusCode !== 200) throw new Error(`forgot ${a.email}`);
        held.push({ email: a.email, username: a.username, code: m.sink.code(a.email) });
      }),
    );
  }
  return held;
}

t.test('with AUTH_RATE_LIMIT=0, spraying code-only guesses at 120 live codes takes over no account, even with lucky guesses among them', async (t) => {
  const m = await buildWithMail(t);
  t.equal(m.config.authRateLimit, 0, 'AUTH_RATE_LIMIT=0: no per-address or per-account limit helps here');
  const held = await accountsHoldingCodes(m, 120, 'spray');
  const codes = new Set(held.map((h) => h.code));

  // 3,000 guesses; every 500th is a live code (an attacker who got lucky, which the budget must not let through).
  let accepted = 0;
  let lucky = 0;
  const answers = new Map<string, number>();
  for (let i = 1; i <= 3000; i++) {
    const otp = i % 500 === 0 ? held[(i / 500) % held.length]!.code : missFor(codes, i);
    if (codes.has(otp)) lucky += 1;
    const res: LightMyRequestResponse = await m.post('/auth/forgot/otp', { otp }, {});
    if (res.statusCode === 200) accepted += 1;
    const key = `${res.statusCode} ${res.body}`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
  }
  t.equal(lucky, 6, 'six guesses were live codes');
  t.equal(accepted, 0, 'no guess was accepted: no reset token, no takeover');
  t.same([...answers.keys()], ['401 {"error":"Invalid or expired OTP"}'], 'every answer is the wrong-code answer');
  // Each failed guess cost 120 units (120 live codes): three fit in the budget, the fourth does not.
  const events = [];
  for await (const e of m.eventStore.readAll()) events.push(e.type);
  t.equal(events.filter((type) => type === 'OneTimeCodeUsed').length, 0, 'no code was used');
  for (const h of held.slice(0, 5)) {
    t.equal((await m.post('/auth', { username: h.username, password: `password-spray-${h.username.slice(5)}` })).statusCode, 200, `${h.username} keeps its password`);
  }

  // The named form still works for the owner of a code (its own budget), and the owner's code was never spent.
  const owner = held[7]!;
  const named = await m.post('/auth/forgot/otp', { email: owner.email, otp: owner.code });
  t.equal(named.statusCode, 200, '{email, otp} still works while code-only guesses are closed');
});

t.test('a legitimate {otp}-only exchange works on a fresh service, and a few wrong guesses do not close it', async (t) => {
  const m = await buildWithMail(t);
  const [one] = await accountsHoldingCodes(m, 1, 'legit');
  for (let i = 0; i < 20; i++) {
    t.equal((await m.post('/auth/forgot/otp', { otp: missFor(new Set([one!.code]), i) })).statusCode, 401, `wrong code ${i + 1}`);
  }
  const exchanged = await m.post('/auth/forgot/otp', { otp: one!.code });
  t.equal(exchanged.statusCode, 200, 'the mailed code alone is accepted');
  const reset = await m.post('/auth/forgot/reset', { new_password: 'a-new-password' }, { authentication: exchanged.json().token });
  t.equal(reset.statusCode, 200, 'and its token resets the password');
  t.equal((await m.post('/auth', { username: one!.username, password: 'a-new-password' })).statusCode, 200);
});

t.test('named guesses ({email, otp} and /new-password) draw on a budget of their own, known account or not', async (t) => {
  const m = await buildWithMail(t);
  const [victim, other] = await accountsHoldingCodes(m, 2, 'named');
  // Wrong guesses at accounts that do not exist cost the same as at ones that do: the budget tells nobody which exist.
  for (let i = 0; i < GUESS_BUDGET.named; i++) {
    const res =
      i % 2 === 0
        ? await m.post('/auth/forgot/otp', { email: `nobody${i}@example.com`, otp: '123456' })
        : await m.post('/new-password', { username: `nobody${i}`, otp: 123456, password: 'password-x' });
    if (res.statusCode !== 401) t.fail(`guess ${i}: ${res.statusCode} ${res.body}`);
  }
  const refused = await m.post('/auth/forgot/otp', { email: victim!.email, otp: victim!.code });
  t.equal(refused.statusCode, 401, 'once spent, even the right code with its email is answered as a wrong one');
  t.same(refused.json(), { error: 'Invalid or expired OTP' });
  t.equal((await m.post('/new-password', { username: victim!.username, otp: Number(victim!.code), password: 'password-y' })).statusCode, 401, "and through A's /new-password");
  const codeOnly = await m.post('/auth/forgot/otp', { otp: other!.code });
  t.equal(codeOnly.statusCode, 200, 'the code-only form has its own budget, still open');
  const events = [];
  for await (const e of m.eventStore.readAll()) if (e.type === 'OneTimeCodeAttemptFailed') events.push(e);
  t.equal(events.length, 0, 'refused guesses are not tested, so they void nobody\'s code');
});

t.test('the budget is shared by two instances on one Redis', async (t) => {
  const { apps, sink } = await instancesSharingRedis(t, { AUTH_RATE_LIMIT: '0' });
  const post = (i: number, url: string, payload: unknown) =>
    apps[i]!.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const held = await accountsHoldingCodes({ post: (url, payload) => post(0, url, payload), sink }, 40, `shared${Date.now() % 100000}x`);
  const codes = new Set(held.map((h) => h.code));
  // 40 live codes: each failed guess costs 40 units, so eleven fit in 450, on whichever instance.
  for (let i = 0; i < 12; i++) t.equal((await post(i % 2, '/auth/forgot/otp', { otp: missFor(codes, i) })).statusCode, 401);
  t.equal((await post(1, '/auth/forgot/otp', { otp: held[0]!.code })).statusCode, 401, 'closed on the second instance too: a live code is refused');
  t.equal((await post(0, '/auth/forgot/otp', { otp: held[1]!.code })).statusCode, 401, 'and on the first');
  t.equal((await post(1, '/auth/forgot/otp', { email: held[0]!.email, otp: held[0]!.code })).statusCode, 200, 'the named form still works');
});
