// Email verification as a capability (B): a code by mail, the password and
// the code confirm the address, five wrong codes void it, a new request
// supersedes the old code.
import t from 'tap';
import { requestEmailVerification, verifyEmail } from '../../src/users/email-verification.js';
import { register } from '../../src/users/registration.js';
import { signIn } from '../../src/users/sign-in.js';
import { workflowSpec } from '../support/workflow.js';

const EMAIL = 'bob@example.com';

t.test('B: verifying the email with the mailed code', async (t) => {
  const spec = await workflowSpec(t);
  await spec.given(async (svc) => {
    const done = await register(svc, { username: 'bob', email: EMAIL, password: 'bob-password', mustVerifyEmail: true, profile: {}, via: 'B' });
    if (done.kind !== 'registered') throw new Error('could not register bob');
  });
  const first = spec.sink.code(EMAIL);
  await spec
    .when((svc) => requestEmailVerification(svc, 'Bob@Example.com', 'B'))
    .then({ answer: 'sent', events: ['EmailVerificationRequested', 'OneTimeCodeVoided', 'OneTimeCodeIssued'] }, 'a new code supersedes the first');
  const code = spec.sink.code(EMAIL);
  // Codes are random: once in 900,000 runs the new code equals the first, and then the old digits are the new code.
  const superseded = first === code ? code.replace(/.$/, (d) => String((Number(d) + 1) % 10)) : first;
  await spec
    .when((svc) => verifyEmail(svc, EMAIL, 'bob-password', superseded, 'B'))
    .then({ answer: 'invalid-code', events: ['OneTimeCodeAttemptFailed'] }, 'the superseded code');
  await spec.when((svc) => verifyEmail(svc, EMAIL, 'wrong-password', code, 'B')).then({ answer: 'wrong-password', events: [] }, 'a wrong password');
  await spec.when((svc) => verifyEmail(svc, 'nobody@example.com', 'bob-password', code, 'B')).then({ answer: 'unknown', events: [] }, 'an unknown email');
  await spec.when((svc) => verifyEmail(svc, EMAIL, 'bob-password', code, 'B')).then({ answer: 'verified', events: ['OneTimeCodeUsed', 'EmailVerified'] }, 'the mailed code');
  await spec.when((svc) => verifyEmail(svc, EMAIL, 'bob-password', code, 'B')).then({ answer: 'already-verified', events: [] }, 'again');
  await spec.when((svc) => requestEmailVerification(svc, EMAIL, 'B')).then({ answer: 'already-verified', events: [] }, 'a code for a verified address');
  t.ok((await signIn(spec.svc, { username: 'bob' }, 'bob-password', 'A')).ok, 'the account signs in now');
});

t.test('five wrong codes void the code', async (t) => {
  const spec = await workflowSpec(t);
  await spec.given(async (svc) => {
    await register(svc, { username: 'bob', email: EMAIL, password: 'bob-password', mustVerifyEmail: true, profile: {}, via: 'B' });
  });
  const code = spec.sink.code(EMAIL);
  const wrong = code === '999999' ? '899999' : '999999';
  for (let i = 1; i <= 4; i += 1) {
    await spec.when((svc) => verifyEmail(svc, EMAIL, 'bob-password', wrong, 'B')).then({ answer: 'invalid-code', events: ['OneTimeCodeAttemptFailed'] }, `wrong code ${i}`);
  }
  await spec
    .when((svc) => verifyEmail(svc, EMAIL, 'bob-password', wrong, 'B'))
    .then({ answer: 'invalid-code', events: ['OneTimeCodeAttemptFailed', 'OneTimeCodeVoided'] }, 'wrong code 5');
  await spec.when((svc) => verifyEmail(svc, EMAIL, 'bob-password', code, 'B')).then({ answer: 'invalid-code', events: [] }, 'the right code, too late');
});
