// Registration as a capability: an id, the username and email claims, the
// account, and for B a verification code by mail. The families' route tests
// check only how they map these outcomes to their envelopes.
import t from 'tap';
import { register, type Registration } from '../../src/users/registration.js';
import { workflowSpec } from '../support/workflow.js';

const ada = (over: Partial<Registration> = {}): Registration => ({
  username: 'ada',
  email: 'ada@example.com',
  password: 'ada-password',
  mustVerifyEmail: false,
  profile: {},
  via: 'A',
  ...over,
});

t.test('a new account claims its names; a taken name is refused whatever its case', async (t) => {
  const spec = await workflowSpec(t);
  await spec
    .when((svc) => register(svc, ada()))
    .then({ answer: { kind: 'registered' }, events: ['UserIdAllocated', 'UsernameClaimed', 'EmailClaimed', 'UserRegistered'] });
  t.equal(spec.sink.to('ada@example.com').length, 0, 'A sends no verification mail');
  await spec
    .when((svc) => register(svc, ada({ username: 'ADA', email: 'other@example.com' })))
    .then({ answer: { kind: 'taken', name: 'username' }, events: [] }, 'the username in another case');
  await spec
    .when((svc) => register(svc, ada({ username: 'grace', email: 'Ada@Example.com' })))
    .then({ answer: { kind: 'taken', name: 'email' }, events: [] }, 'the email in another case (names are read before anything is written)');
});

t.test('B: the account must verify its email, and gets a code by mail', async (t) => {
  const spec = await workflowSpec(t);
  await spec
    .when((svc) => register(svc, ada({ mustVerifyEmail: true, via: 'B' })))
    .then({
      answer: { kind: 'registered' },
      events: ['UserIdAllocated', 'UsernameClaimed', 'EmailClaimed', 'UserRegistered', 'EmailVerificationRequested', 'OneTimeCodeIssued'],
    });
  t.match(spec.sink.code('ada@example.com'), /^\d{6}$/, 'the code is mailed');
});

t.test('an account without an email claims only its username', async (t) => {
  const spec = await workflowSpec(t);
  await spec
    .when((svc) => register(svc, ada({ email: null, via: 'C' })))
    .then({ answer: { kind: 'registered' }, events: ['UserIdAllocated', 'UsernameClaimed', 'UserRegistered'] });
});
