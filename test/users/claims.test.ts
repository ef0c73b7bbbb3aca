import t from 'tap';
import { claimDecider } from '../../src/users/claims.js';
import { deciderSpec } from '../support/decider-spec.js';

const now = new Date('2026-01-01T10:00:00.000Z');
const at = now.toISOString();

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
