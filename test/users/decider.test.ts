import t from 'tap';
import { userDecider } from '../../src/users/decider.js';
import { claimDecider } from '../../src/users/claims.js';
import type { UserEvent } from '../../src/users/events.js';
import { deciderSpec } from '../support/decider-spec.js';

const now = new Date('2026-01-01T10:00:00.000Z');
const at = now.toISOString();

const registered = (verified: boolean): UserEvent => ({
  type: 'UserRegistered',
  data: {
    userId: 7,
    username: 'Ann',
    email: 'ann@example.com',
    passwordHash: '$argon2id$hash',
    verified,
    profile: {},
    via: 'E',
    at,
  },
});

t.test('account decider', async (t) => {
  const spec = deciderSpec(t, userDecider);
  const register = {
    type: 'RegisterUser' as const,
    data: {
      userId: 7,
      username: 'Ann',
      email: 'ann@example.com',
      passwordHash: '$argon2id$hash',
      verified: true,
      profile: {},
      via: 'E' as const,
    },
    metadata: { now },
  };
  spec.given([]).when(register).then([registered(true)]);
  spec.given([registered(true)]).when(register).thenThrows('UserExists');

  const start = { type: 'StartSession' as const, data: { sessionKey: 'k1', via: 'A' as const, seconds: 3600 }, metadata: { now } };
  spec
    .given([registered(true)])
    .when(start)
    .then([
      {
        type: 'SessionStarted',
        data: { userId: 7, sessionKey: 'k1', via: 'A', at, expiresAt: '2026-01-01T11:00:00.000Z' },
      },
    ]);
  spec.given([registered(false)]).when(start).thenThrows('EmailNotVerified');
  spec.given([]).when(start).thenThrows('UnknownUser');
  t.same(spec.given([registered(true)]).when(start).state().sessions, { k1: '2026-01-01T11:00:00.000Z' });
});

t.test('username claims', async (t) => {
  const spec = deciderSpec(t, claimDecider('username'));
  const claim = (userId: number, abandonedBy?: number) => ({
    type: 'Claim' as const,
    data: { userId, value: 'Ann', ...(abandonedBy ? { abandonedBy } : {}) },
    metadata: { now },
  });
  const claimed = (userId: number) => ({ type: 'UsernameClaimed' as const, data: { userId, username: 'Ann', at } });
  const released = (userId: number) => ({ type: 'UsernameReleased' as const, data: { userId, at } });

  spec.given([]).when(claim(1)).then([claimed(1)]);
  spec.given([claimed(1)]).when(claim(2)).thenThrows('UsernameTaken');
  spec.given([claimed(1)]).when(claim(1)).thenNothing('claiming again is idempotent');
  spec.given([claimed(1), released(1)]).when(claim(2)).then([claimed(2)], 'free again after release');
  spec.given([claimed(1)]).when(claim(2, 1)).then([claimed(2)], 'takes over an abandoned claim');
  spec.given([claimed(1)]).when(claim(3, 2)).thenThrows('UsernameTaken', 'only the named abandoned holder');
  spec.given([claimed(1)]).when({ type: 'Release', data: { userId: 2 }, metadata: { now } }).thenNothing();
  spec.given([claimed(1)]).when({ type: 'Release', data: { userId: 1 }, metadata: { now } }).then([released(1)]);
});
