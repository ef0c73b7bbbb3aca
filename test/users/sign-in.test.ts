// Signing in and out as a capability: the password proves the account, a
// session starts (an event; the families sign their tokens around it), a
// refused attempt on an existing account is recorded for the audit, and a
// logout ends the session once.
import t from 'tap';
import { register } from '../../src/users/registration.js';
import { endSession, sessionLiveness, signIn } from '../../src/users/sign-in.js';
import { workflowSpec } from '../support/workflow.js';

const registered = (username: string, mustVerifyEmail = false) => async (svc: Parameters<typeof register>[0]) => {
  const done = await register(svc, {
    username,
    email: `${username}@example.com`,
    password: `${username}-password`,
    mustVerifyEmail,
    profile: {},
    via: mustVerifyEmail ? 'B' : 'A',
  });
  if (done.kind !== 'registered') throw new Error(`could not register ${username}`);
};

t.test('the right password starts a session; a wrong one is recorded and starts none', async (t) => {
  const spec = await workflowSpec(t);
  await spec.given(registered('ada'));
  const { answer } = await spec
    .when((svc) => signIn(svc, { email: 'ADA@example.com' }, 'ada-password', 'C'))
    .then({ answer: { ok: true, username: 'ada', email: 'ada@example.com', sessionId: /\S+/ }, events: ['SessionStarted'] }, 'by email, any case');
  if (!answer.ok) throw new Error('sign-in refused');
  t.ok(await sessionLiveness(spec.svc)({ userId: answer.userId, sessionId: answer.sessionId }), 'the session is live');
  await spec
    .when((svc) => signIn(svc, { username: 'ada' }, 'not-the-password', 'A'))
    .then({ answer: { ok: false, reason: 'wrong-password' }, events: ['SignInFailed'] }, 'a wrong password');
  await spec
    .when((svc) => signIn(svc, { username: 'nobody' }, 'ada-password', 'A'))
    .then({ answer: { ok: false, reason: 'unknown' }, events: [] }, 'an unknown account: nothing to record');
});

t.test('an account that must verify its email signs in nowhere before it does', async (t) => {
  const spec = await workflowSpec(t);
  await spec.given(registered('bob', true));
  await spec
    .when((svc) => signIn(svc, { username: 'bob' }, 'bob-password', 'A'))
    .then({ answer: { ok: false, reason: 'unverified' }, events: ['SignInFailed'] });
});

t.test('a logout ends its session once', async (t) => {
  const spec = await workflowSpec(t);
  await spec.given(registered('ada'));
  const session = await signIn(spec.svc, { username: 'ada' }, 'ada-password', 'B');
  if (!session.ok) throw new Error('sign-in refused');
  await spec.when((svc) => endSession(svc, session.sessionId, 'B')).then({ answer: true, events: ['SessionsEnded'] }, 'a live session');
  t.notOk(await sessionLiveness(spec.svc)({ userId: session.userId, sessionId: session.sessionId }), 'the session is over');
  await spec.when((svc) => endSession(svc, session.sessionId, 'B')).then({ answer: false, events: [] }, 'the same session again');
});
