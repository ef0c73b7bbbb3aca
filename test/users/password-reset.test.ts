// Password reset as a capability, below the HTTP layer: all four secret kinds
// (A's mailed code with its username, B's mailed link, C's mailed code and the
// reset token it is traded for), each answering a closed union of outcomes and
// leaving its events in the account's stream. The families' route tests check
// only how they map these outcomes to their envelopes.
import t from 'tap';
import { streams } from '../../src/users/events.js';
import {
  exchangeResetCode,
  requestResetCode,
  requestResetLink,
  resetPasswordWithCode,
  resetPasswordWithToken,
} from '../../src/users/password-reset.js';
import { register } from '../../src/users/registration.js';
import { sessionLiveness, signIn } from '../../src/users/sign-in.js';
import { openServices } from '../support/services.js';

const EMAIL = 'ada@example.com';

t.test('password reset, every secret kind', async (t) => {
  const { svc, sink, events } = await openServices(t);
  const registered = await register(svc, {
    username: 'ada',
    email: 'Ada@Example.com',
    password: 'first-password',
    mustVerifyEmail: false,
    profile: {},
    via: 'A',
  });
  if (registered.kind !== 'registered') throw new Error('registration failed');
  const { userId } = registered;
  const stream = streams.user(userId);
  const newEventTypes = async (since: number) => (await events(stream)).slice(since).map((e) => e.type);
  const eventCount = async () => (await events(stream)).length;
  const signsInWith = async (password: string) => (await signIn(svc, { username: 'ada' }, password, 'A')).ok;

  t.test("A: a mailed code with the account's username", async (t) => {
    await requestResetCode(svc, { username: 'ada', email: 'someone-else@example.com' }, 'A');
    t.equal(sink.to(EMAIL).length, 0, 'username and email of different accounts: nothing mailed');
    await requestResetCode(svc, { username: 'ada', email: EMAIL }, 'A');
    const code = sink.code(EMAIL);
    const wrong = code === '999999' ? '899999' : '999999';
    const before = await eventCount();
    t.same(await resetPasswordWithCode(svc, { username: 'ada' }, wrong, 'second-password', 'A'), { kind: 'invalid-secret' }, 'a wrong code');
    t.same(await resetPasswordWithCode(svc, { username: 'nobody' }, code, 'second-password', 'A'), { kind: 'invalid-secret' }, 'the right code for an unknown username');
    t.same(await resetPasswordWithCode(svc, { username: 'ada' }, code, 'second-password', 'A'), { kind: 'reset', email: EMAIL }, 'the right code');
    const added = await newEventTypes(before);
    t.ok(added.includes('OneTimeCodeUsed') && added.includes('PasswordReset'), `the code is used and the password reset (${added.join(', ')})`);
    t.same(await resetPasswordWithCode(svc, { username: 'ada' }, code, 'third-password', 'A'), { kind: 'invalid-secret' }, 'a code works once');
    t.notOk(await signsInWith('first-password'), 'the old password is gone');
    t.ok(await signsInWith('second-password'), 'the new one signs in');
  });

  t.test("B: a mailed link token", async (t) => {
    t.equal(await requestResetLink(svc, 'nobody@example.com', 'B'), 'unknown', 'an unknown email');
    t.equal(await requestResetLink(svc, EMAIL, 'B'), 'sent');
    const token = sink.resetToken(EMAIL);
    const forged = `${userId}.${'A'.repeat(32)}`;
    t.same(await resetPasswordWithToken(svc, 'reset-link', forged, 'link-password', 'B'), { kind: 'invalid-secret' }, 'a forged token for the account');
    t.same(await resetPasswordWithToken(svc, 'reset-token', token, 'link-password', 'C'), { kind: 'invalid-secret' }, "a link token is not C's reset token");
    t.same(await resetPasswordWithToken(svc, 'reset-link', token, 'link-password', 'B'), { kind: 'reset', email: EMAIL }, 'the mailed token');
    t.same(await resetPasswordWithToken(svc, 'reset-link', token, 'again-password', 'B'), { kind: 'invalid-secret' }, 'a link works once');
    t.ok(await signsInWith('link-password'), 'the new password signs in');
  });

  t.test("C: a mailed code traded for a reset token, with or without the email", async (t) => {
    for (const email of [EMAIL, null]) {
      await requestResetCode(svc, { email: EMAIL }, 'C');
      const code = sink.code(EMAIL);
      const wrong = code === '999999' ? '899999' : '999999';
      t.same(await exchangeResetCode(svc, email, wrong, 'C'), { kind: 'invalid-secret' }, `a wrong code (email ${email ?? 'not given'})`);
      const exchanged = await exchangeResetCode(svc, email, code, 'C');
      if (exchanged.kind !== 'token') throw new Error(`the mailed code was refused (email ${email ?? 'not given'})`);
      t.match(exchanged.token, new RegExp(`^${userId}\\.[A-Za-z0-9_-]{32}$`), 'the token names its account');
      t.same(await exchangeResetCode(svc, email, code, 'C'), { kind: 'invalid-secret' }, 'a code is traded once');
      const before = await eventCount();
      const session = await signIn(svc, { username: 'ada' }, (await signsInWith('link-password')) ? 'link-password' : 'token-password', 'C');
      if (!session.ok) throw new Error('could not sign in');
      const live = sessionLiveness(svc);
      t.ok(await live(session), 'a session before the reset');
      t.same(await resetPasswordWithToken(svc, 'reset-token', exchanged.token, 'token-password', 'C'), { kind: 'reset', email: EMAIL }, 'the reset token');
      t.notOk(await live(session), 'the reset ends every session of the account');
      t.ok((await newEventTypes(before)).includes('SessionsEnded'), 'and says so in the log');
      t.same(await resetPasswordWithToken(svc, 'reset-token', exchanged.token, 'other-password', 'C'), { kind: 'invalid-secret' }, 'a reset token works once');
      t.ok(await signsInWith('token-password'), 'the new password signs in');
    }
  });
});
