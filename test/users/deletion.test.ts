// Deleting an account as a capability: the password proves the caller; the
// sessions end, the names are released (free for anyone), and the account
// is gone for every capability.
import t from 'tap';
import { deleteAccount } from '../../src/users/deletion.js';
import { register } from '../../src/users/registration.js';
import { sessionLiveness, signIn } from '../../src/users/sign-in.js';
import { workflowSpec } from '../support/workflow.js';

const adaRegistration = { username: 'ada', email: 'ada@example.com', password: 'ada-password', mustVerifyEmail: false, profile: {}, via: 'A' } as const;

t.test('deleting an account ends its sessions and frees its names', async (t) => {
  const spec = await workflowSpec(t);
  await spec.given((svc) => register(svc, adaRegistration));
  const session = await signIn(spec.svc, { username: 'ada' }, 'ada-password', 'C');
  if (!session.ok) throw new Error('sign-in refused');
  await spec.when((svc) => deleteAccount(svc, { username: 'ada' }, 'not-the-password', 'C')).then({ answer: { ok: false, reason: 'wrong-password' }, events: [] }, 'a wrong password');
  await spec
    .when((svc) => deleteAccount(svc, { email: 'Ada@Example.com' }, 'ada-password', 'C'))
    .then({ answer: { ok: true, userId: session.userId }, events: ['SessionsEnded', 'AccountDeleted', 'UsernameReleased', 'EmailReleased'] }, 'the password');
  t.notOk(await sessionLiveness(spec.svc)({ userId: session.userId, sessionId: session.sessionId }), 'its session is over');
  await spec.when((svc) => deleteAccount(svc, { username: 'ada' }, 'ada-password', 'C')).then({ answer: { ok: false, reason: 'unknown' }, events: [] }, 'again');
  await spec.when((svc) => signIn(svc, { username: 'ada' }, 'ada-password', 'C')).then({ answer: { ok: false, reason: 'unknown' }, events: [] }, 'signing in');
  await spec
    .when((svc) => register(svc, { ...adaRegistration, password: 'new-password' }))
    .then({ answer: { kind: 'registered' }, events: ['UserIdAllocated', 'UsernameClaimed', 'EmailClaimed', 'UserRegistered'] }, 'the names are free');
});
