// Races decided in the event store: of concurrent uses of one code or link,
// exactly one wins; concurrent wrong guesses are all counted.
import t from 'tap';
import { buildWithMail, registerVerifiedB } from '../support/accounts.js';

const N = 12;

t.test('concurrent use of one secret: exactly one wins', async (t) => {
  const m = await buildWithMail(t);
  const { post, sink } = m;
  await registerVerifiedB(m, 'racer', 'racer@example.com', 'password-0');
  const typesOf = async (type: string) => {
    const found: Record<string, unknown>[] = [];
    for await (const e of m.eventStore.readAll()) if (e.type === type) found.push(e.data);
    return found;
  };

  t.test("A's code on /new-password", async (t) => {
    await post('/reset', { username: 'racer', email: 'racer@example.com' });
    const otp = Number(sink.code('racer@example.com'));
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => post('/new-password', { username: 'racer', otp, password: `password-a${i}` })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    t.same(codes, [200, ...Array(N - 1).fill(401)]);
    const winner = results.findIndex((r) => r.statusCode === 200);
    t.equal((await post('/login', { username: 'racer', password: `password-a${winner}` })).statusCode, 200, "the winner's password is set");
    await post('/new-password', { username: 'racer', otp, password: 'password-0' }); // nothing: used
    t.equal((await post('/login', { username: 'racer', password: `password-a${winner}` })).statusCode, 200);
  });

  t.test("C's code on /auth/forgot/otp, then its reset token", async (t) => {
    await post('/auth/forgot', { email: 'racer@example.com' });
    const otp = sink.code('racer@example.com');
    const exchanged = await Promise.all(
      Array.from({ length: N }, (_, i) => post('/auth/forgot/otp', i % 2 ? { otp } : { email: 'racer@example.com', otp })),
    );
    t.same(exchanged.map((r) => r.statusCode).sort(), [200, ...Array(N - 1).fill(401)]);
    const token = exchanged.find((r) => r.statusCode === 200)!.json().token;
    const resets = await Promise.all(
      Array.from({ length: N }, (_, i) => post('/auth/forgot/reset', { new_password: `password-c${i}` }, { authentication: token })),
    );
    t.same(resets.map((r) => r.statusCode).sort(), [200, ...Array(N - 1).fill(401)]);
  });

  t.test("B's reset link", async (t) => {
    await post('/users/reset-password', { email: 'racer@example.com' });
    const token = sink.resetToken('racer@example.com');
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => post(`/users/reset-password/${token}`, { password: `password-b${i}` })),
    );
    t.same(results.map((r) => r.json().responseCode).sort(), [...Array(N - 1).fill(613), 614]);
    const winner = results.findIndex((r) => r.json().responseCode === 614);
    t.equal((await post('/users/login', { email: 'racer@example.com', password: `password-b${winner}` })).json().responseCode, 609);
  });

  t.test("B's verification code: one use recorded", async (t) => {
    await post('/users/register', { username: 'verify_racer', email: 'vr@example.com', password: 'password-v' });
    const code = sink.code('vr@example.com');
    const results = await Promise.all(
      Array.from({ length: N }, () => post('/users/verify-sentcode', { email: 'vr@example.com', password: 'password-v', code })),
    );
    t.ok(results.every((r) => r.json().responseCode === 605), 'everyone is told the email is verified');
    const used = (await typesOf('OneTimeCodeUsed')).filter((d) => d.purpose === 'email-verification');
    const emailVerified = await typesOf('EmailVerified');
    t.equal(used.length, emailVerified.length, 'one use per verification');
    t.equal(emailVerified.length, 2, 'racer once, verify_racer once: not once per request');
  });

  t.test('concurrent wrong guesses are all counted: the fifth voids the code', async (t) => {
    await post('/reset', { username: 'racer', email: 'racer@example.com' });
    const otp = Number(sink.code('racer@example.com'));
    const wrong = otp === 999_999 ? 100_000 : otp + 1;
    const before = (await typesOf('OneTimeCodeAttemptFailed')).length;
    const results = await Promise.all(
      Array.from({ length: N }, () => post('/new-password', { username: 'racer', otp: wrong, password: 'password-w' })),
    );
    t.ok(results.every((r) => r.statusCode === 401));
    t.equal((await typesOf('OneTimeCodeAttemptFailed')).length - before, 5, 'five attempts recorded, then nothing to guess');
    const voided = (await typesOf('OneTimeCodeVoided')).filter((d) => d.reason === 'attempts');
    t.equal(voided.length, 1);
    t.equal((await post('/new-password', { username: 'racer', otp, password: 'password-w' })).statusCode, 401, 'the right code is void too');
  });
});
