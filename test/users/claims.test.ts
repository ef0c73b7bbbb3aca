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

t.test('a name held by a live account stays taken long after it was claimed (also once its streams are cached)', async (t) => {
  const { build } = await import('../support/app.js');
  let clock = Date.parse('2026-01-01T10:00:00.000Z');
  const { app } = await build(t, { now: () => new Date(clock) });
  const register = (username: string) => app.inject({ method: 'POST', url: '/register', payload: { username, password: 'password-123' } });
  t.equal((await register('Keeper')).statusCode, 201);
  // Sign-ins fold the claim and the account: later commands start from those folds.
  for (let i = 0; i < 3; i += 1) {
    t.equal((await app.inject({ method: 'POST', url: '/login', payload: { username: 'keeper', password: 'password-123' } })).statusCode, 200);
  }
  clock += 60 * 60_000; // far past the window in which a half-done registration's claim may be taken over
  const taken = await register('KEEPER');
  t.equal(taken.statusCode, 409, 'the claim of a registered account is never "abandoned"');
  t.same(taken.json(), { error: 'Username already exists' });
  t.equal((await app.inject({ method: 'POST', url: '/login', payload: { username: 'Keeper', password: 'password-123' } })).statusCode, 200);
});
