// The account decider without I/O: given events, when a command, then events.
import t, { type Test } from 'tap';
import { deciderSpec } from '../support/decider-spec.js';
import { DomainError } from '../../src/infra/errors.js';
import { decide, evolve, initialState, userDecider, type ActiveAccount, type UserCommand, type UserState } from '../../src/users/decider.js';
import type { UserEvent } from '../../src/users/events.js';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

const folded = (events: UserEvent[]): UserState => events.reduce(evolve, initialState());
/** The state of an account that must still be active (a deleted or absent one fails the test). */
function active(state: UserState): ActiveAccount {
  if (state.status !== 'active') throw new Error(`expected an active account, got ${state.status}`);
  return state;
}
const spec = (t: Test) => deciderSpec(t, userDecider);
const meta = (minutes = 0) => ({ metadata: { now: at(minutes) } });

function throws(t: Test, run: () => unknown, code: string) {
  try {
    const events = run();
    t.fail(`expected ${code}, got ${JSON.stringify(events)}`);
  } catch (error) {
    t.ok(error instanceof DomainError, 'a DomainError');
    t.equal((error as DomainError).code, code);
  }
}

const registeredC: UserEvent = {
  type: 'UserRegistered',
  data: {
    userId: 7,
    username: 'carol',
    email: 'carol@example.com',
    passwordHash: '$argon2id$hash',
    usernameKey: 'UK7',
    emailKey: 'EK7',
    mustVerifyEmail: false,
    profile: {},
    via: 'C',
    at: iso(0),
  },
};

const registerB: UserCommand = {
  type: 'RegisterUser',
  data: {
    userId: 3,
    username: 'bob',
    email: 'bob@example.com',
    passwordHash: '$argon2id$hash',
    usernameKey: 'UK3',
    emailKey: 'EK3',
    mustVerifyEmail: true,
    profile: {},
    via: 'B',
    verificationCodeKey: 'K1',
  },
  ...meta(),
};

const bobEvents = decide(registerB, initialState());

const issue = (purpose: 'password-reset' | 'reset-link', codeKey: string, minutes = 0): UserEvent[] =>
  decide({ type: 'RequestPasswordReset', data: { purpose, codeKey, via: 'A' }, ...meta(minutes) }, folded([registeredC]));

const session = (key: string, minutes = 0): UserEvent => ({
  type: 'SessionStarted',
  data: { userId: 7, sessionKey: key, via: 'C', at: iso(minutes), expiresAt: iso(minutes + 60) },
});

t.test('registering through B asks for email verification with a 10-minute code', async (t) => {
  t.same(
    bobEvents.map((e) => e.type),
    ['UserRegistered', 'EmailVerificationRequested', 'OneTimeCodeIssued'],
  );
  t.match(bobEvents[2], {
    data: { userId: 3, purpose: 'email-verification', codeKey: 'K1', via: 'B', expiresAt: iso(10) },
  });
  spec(t).given(bobEvents).when(registerB).thenThrows('UserExists');
});

t.test('an unverified B account gets no session; a C account does, but not for B login until verified', async (t) => {
  const start = (requireVerifiedEmail = false): UserCommand => ({
    type: 'StartSession',
    data: { sessionKey: 'S1', via: 'E', seconds: 3600, requireVerifiedEmail },
    ...meta(1),
  });
  spec(t).given(bobEvents).when(start()).thenThrows('EmailNotVerified');
  spec(t).given([registeredC]).when(start()).then([
    { type: 'SessionStarted', data: { userId: 7, sessionKey: 'S1', via: 'E', at: iso(1), expiresAt: iso(61) } },
  ]);
  spec(t).given([registeredC]).when(start(true)).thenThrows('EmailNotVerified');
  const verified = folded([registeredC, { type: 'EmailVerified', data: { userId: 7, via: 'B', at: iso(0) } }]);
  t.equal(decide(start(true), verified).length, 1);
});

t.test('a new session cleans up expired ones', async (t) => {
  const events = spec(t).given([registeredC, session('S1', 0), session('S2', 80)]).when({ type: 'StartSession', data: { sessionKey: 'S3', via: 'C', seconds: 3600 }, ...meta(90) }).events();
  t.same(events[0], {
    type: 'SessionsEnded',
    data: { userId: 7, sessionKeys: ['S1'], reason: 'expired', at: iso(90) },
  });
  t.equal(events[1]!.type, 'SessionStarted');
});

t.test('logout ends that session only; an unknown or ended session changes nothing', async (t) => {
  const state = folded([registeredC, session('S1'), session('S2')]);
  const end = (key: string): UserCommand => ({ type: 'EndSession', data: { sessionKey: key, via: 'B' }, ...meta(5) });
  const events = decide(end('S1'), state);
  t.same(events, [
    { type: 'SessionsEnded', data: { userId: 7, sessionKeys: ['S1'], reason: 'logout', at: iso(5), via: 'B' } },
  ]);
  t.same(Object.keys(active(events.reduce(evolve, state)).sessions), ['S2']);
  t.same(decide(end('nope'), state), []);
  t.same(decide(end('S1'), events.reduce(evolve, state)), []);
  t.same(decide(end('S1'), initialState()), [], 'no account: nothing');
});

t.test('verifying the email: the right code once, wrong codes counted, the fifth voids it', async (t) => {
  const verify = (codeKey: string, minutes = 1): UserCommand => ({
    type: 'VerifyEmail',
    data: { codeKey, via: 'B' },
    ...meta(minutes),
  });
  t.same(
    spec(t).given(bobEvents).when(verify('K1')).events().map((e) => e.type),
    ['OneTimeCodeUsed', 'EmailVerified'],
  );

  let history = [...bobEvents];
  for (let i = 1; i <= 4; i++) {
    const events = spec(t).given(history).when(verify('WRONG')).events();
    t.same(events, [
      {
        type: 'OneTimeCodeAttemptFailed',
        data: { userId: 3, purpose: 'email-verification', failedAttempts: i, via: 'B', at: iso(1) },
      },
    ]);
    history = [...history, ...events];
  }
  const fifth = spec(t).given(history).when(verify('WRONG')).events();
  t.same(
    fifth.map((e) => e.type),
    ['OneTimeCodeAttemptFailed', 'OneTimeCodeVoided'],
  );
  t.match(fifth[1], { data: { reason: 'attempts', codeKey: 'K1' } });
  history = [...history, ...fifth];
  spec(t).given(history).when(verify('K1')).thenThrows('InvalidCode');
});

t.test('an expired code is voided, not used', async (t) => {
  const events = spec(t).given(bobEvents).when({ type: 'VerifyEmail', data: { codeKey: 'K1', via: 'B' }, ...meta(10) }).events();
  t.same(events, [
    {
      type: 'OneTimeCodeVoided',
      data: { userId: 3, purpose: 'email-verification', codeKey: 'K1', reason: 'expired', at: iso(10) },
    },
  ]);
  t.same(
    spec(t).given(bobEvents).when({ type: 'VerifyEmail', data: { codeKey: 'K1', via: 'B' }, ...meta(9.9) }).events().map((e) => e.type),
    ['OneTimeCodeUsed', 'EmailVerified'],
    'just before the 10 minutes are up it still works',
  );
});

t.test('a newer code voids the older one', async (t) => {
  const resent = spec(t).given(bobEvents).when({ type: 'RequestEmailVerification', data: { codeKey: 'K2', via: 'B' }, ...meta(2) }).events();
  t.same(
    resent.map((e) => e.type),
    ['EmailVerificationRequested', 'OneTimeCodeVoided', 'OneTimeCodeIssued'],
  );
  t.match(resent[1], { data: { codeKey: 'K1', reason: 'superseded' } });
  const state = folded([...bobEvents, ...resent]);
  t.equal(
    decide({ type: 'VerifyEmail', data: { codeKey: 'K1', via: 'B' }, ...meta(3) }, state)[0]!.type,
    'OneTimeCodeAttemptFailed',
    'the old code is now just a wrong code',
  );
  t.equal(decide({ type: 'VerifyEmail', data: { codeKey: 'K2', via: 'B' }, ...meta(3) }, state)[0]!.type, 'OneTimeCodeUsed');
  const verified = folded([
    ...bobEvents,
    ...spec(t).given(bobEvents).when({ type: 'VerifyEmail', data: { codeKey: 'K1', via: 'B' }, ...meta(1) }).events(),
  ]);
  throws(
    t,
    () => decide({ type: 'RequestEmailVerification', data: { codeKey: 'K3', via: 'B' }, ...meta(2) }, verified),
    'AlreadyVerified',
  );
});

t.test('a password reset uses the code, changes the hash, voids other reset secrets and ends every session', async (t) => {
  const history = [registeredC, session('S1'), session('S2'), ...issue('reset-link', 'L1'), ...issue('password-reset', 'R1')];
  t.same(
    history.slice(3).map((e) => e.type),
    ['PasswordResetRequested', 'OneTimeCodeIssued', 'PasswordResetRequested', 'OneTimeCodeIssued'],
  );
  const events = spec(t).given(history).when({ type: 'ResetPassword', data: { purpose: 'password-reset', codeKey: 'R1', passwordHash: 'NEW', via: 'A' }, ...meta(5) }).events();
  t.same(
    events.map((e) => e.type),
    ['OneTimeCodeUsed', 'PasswordReset', 'OneTimeCodeVoided', 'SessionsEnded'],
  );
  t.match(events[2], { data: { purpose: 'reset-link', codeKey: 'L1' } });
  t.same((events[3] as Extract<UserEvent, { type: 'SessionsEnded' }>).data.sessionKeys, ['S1', 'S2']);
  const after = active(folded([...history, ...events]));
  t.equal(after.passwordHash, 'NEW');
  t.same(after.sessions, {});
  t.same(after.codes, {});
  throws(
    t,
    () =>
      decide(
        { type: 'ResetPassword', data: { purpose: 'password-reset', codeKey: 'R1', passwordHash: 'X', via: 'A' }, ...meta(6) },
        after,
      ),
    'InvalidCode',
  );
});

t.test('reset links live 60 minutes', async (t) => {
  const history = [registeredC, ...issue('reset-link', 'L1')];
  const reset = (minutes: number): UserCommand => ({
    type: 'ResetPassword',
    data: { purpose: 'reset-link', codeKey: 'L1', passwordHash: 'NEW', via: 'B' },
    ...meta(minutes),
  });
  t.equal(spec(t).given(history).when(reset(59)).events()[0]!.type, 'OneTimeCodeUsed');
  t.match(spec(t).given(history).when(reset(60)).events(), [{ type: 'OneTimeCodeVoided', data: { reason: 'expired' } }]);
});

t.test("C's code becomes a 10-minute reset token, good once", async (t) => {
  const history = [registeredC, ...issue('password-reset', 'R1')];
  const exchanged = spec(t).given(history).when({ type: 'ExchangeResetCode', data: { codeKey: 'R1', tokenKey: 'T1', via: 'C' }, ...meta(1) }).events();
  t.same(
    exchanged.map((e) => e.type),
    ['OneTimeCodeUsed', 'OneTimeCodeIssued'],
  );
  t.match(exchanged[1], { data: { purpose: 'reset-token', codeKey: 'T1', expiresAt: iso(11) } });
  const withToken = [...history, ...exchanged];
  const reset = (codeKey: string, minutes = 2): UserCommand => ({
    type: 'ResetPassword',
    data: { purpose: 'reset-token', codeKey, passwordHash: 'NEW', via: 'C' },
    ...meta(minutes),
  });
  t.equal(spec(t).given(withToken).when(reset('T1')).events()[0]!.type, 'OneTimeCodeUsed');
  t.equal(spec(t).given(withToken).when(reset('T1', 11)).events()[0]!.type, 'OneTimeCodeVoided', 'expired after 10 minutes');
  throws(
    t,
    () => spec(t).given(withToken).when({ type: 'ExchangeResetCode', data: { codeKey: 'R1', tokenKey: 'T2', via: 'C' }, ...meta(2) }).events(),
    'InvalidCode',
  );
});

t.test('deleting ends every session, voids every code, and the account is gone', async (t) => {
  const history = [registeredC, session('S1'), ...issue('password-reset', 'R1')];
  const events = spec(t).given(history).when({ type: 'DeleteAccount', data: { via: 'B' }, ...meta(3) }).events();
  t.same(
    events.map((e) => e.type),
    ['SessionsEnded', 'OneTimeCodeVoided', 'AccountDeleted'],
  );
  t.match(events[0], { data: { sessionKeys: ['S1'], reason: 'account-deleted' } });
  t.match(events[1], { data: { codeKey: 'R1', reason: 'account-deleted' } });
  t.same(events[2], {
    type: 'AccountDeleted',
    // No personal data in the deletion: the claim streams' HMACs only.
    data: { userId: 7, usernameKey: 'UK7', emailKey: 'EK7', via: 'B', at: iso(3) },
  });
  const gone = folded([...history, ...events]);
  t.equal(gone.status, 'deleted');
  t.same(Object.keys(gone).sort(), ['emailKey', 'emailVerified', 'mustVerifyEmail', 'status', 'userId', 'usernameKey'], 'the folded state forgets the personal fields');
  throws(t, () => decide({ type: 'DeleteAccount', data: { via: 'B' }, ...meta(4) }, gone), 'UnknownUser');
  throws(
    t,
    () => decide({ type: 'StartSession', data: { sessionKey: 'S9', via: 'C', seconds: 3600 }, ...meta(4) }, gone),
    'UnknownUser',
  );
  throws(
    t,
    () => decide({ type: 'RequestPasswordReset', data: { purpose: 'password-reset', codeKey: 'R2', via: 'A' }, ...meta(4) }, gone),
    'UnknownUser',
  );
});

t.test('accounts without an email get no codes', async (t) => {
  const noEmail = folded([{ ...registeredC, data: { ...registeredC.data, email: null } } as UserEvent]);
  throws(
    t,
    () => decide({ type: 'RequestPasswordReset', data: { purpose: 'password-reset', codeKey: 'R', via: 'A' }, ...meta() }, noEmail),
    'NoEmail',
  );
  throws(
    t,
    () => decide({ type: 'RequestEmailVerification', data: { codeKey: 'K', via: 'B' }, ...meta() }, noEmail),
    'NoEmail',
  );
});
