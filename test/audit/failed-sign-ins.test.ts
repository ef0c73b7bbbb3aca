// Failed sign-ins are events on the account's stream: a wrong password, an
// unverified account refused, and the first refusal of a window once the
// account's attempt budget is spent. Nothing about the guess is recorded, an
// unknown name records nothing, and folds stay fast on a long stream of them.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { fold, handle } from '../../src/infra/commands.js';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { userDecider } from '../../src/users/decider.js';
import { streams, type UserEvent } from '../../src/users/events.js';
import { buildWithMail } from '../support/accounts.js';
import { tempDir } from '../support/app.js';
import { deciderSpec } from '../support/decider-spec.js';

t.test('refused sign-ins on an existing account append SignInFailed', async (t) => {
  // Each case on an app of its own: the limits count per client address too.
  let m: Awaited<ReturnType<typeof buildWithMail>>;
  t.beforeEach(async (t) => {
    m = await buildWithMail(t, { env: { AUTH_RATE_LIMIT: '2' } });
  });
  /** Every SignInFailed in the log, with its stream. */
  const failures = async () => {
    const out: { stream: string; data: Record<string, unknown> }[] = [];
    for await (const e of m.eventStore.readAll()) if (e.type === 'SignInFailed') out.push({ stream: e.stream, data: e.data });
    return out;
  };

  t.test('wrong passwords, then the budget spent: one locked-out event per window, however many attempts follow', async (t) => {
    t.equal((await m.post('/auth/create', { username: 'guarded', email: 'guarded@example.com', password: 'the-real-one' })).statusCode, 201);
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push((await m.post('/auth', { username: 'guarded', password: `guess-number-${i}` })).statusCode);
    t.same(attempts, [401, 401, 429, 429, 429]);
    const found = await failures();
    t.same(new Set(found.map((f) => f.stream)).size, 1, "all on the account's own stream");
    t.match(found[0]!.stream, /^user-\d+$/);
    const recorded = found.map((f) => f.data);
    t.same(recorded.map((d) => d.reason), ['wrong-password', 'wrong-password', 'locked-out']);
    t.ok(recorded.every((d) => d.via === 'C' && Object.keys(d).sort().join() === 'at,reason,userId,via'), 'reason, family, time: nothing else');
    const everything = [];
    for await (const e of m.eventStore.readAll()) everything.push(JSON.stringify([e.data, e.metadata]));
    t.notOk(everything.join('\n').includes('guess-number'), 'no guess anywhere in the log');
  });

  t.test('an unverified account refused, and an unknown name that records nothing', async (t) => {
    await m.post('/users/register', { username: 'pending', email: 'pending@example.com', password: 'pending-password' });
    const res = await m.post('/users/login', { email: 'pending@example.com', password: 'pending-password' });
    t.not(res.json().responseCode, 609, 'refused');
    let before = 0;
    for await (const _ of m.eventStore.readAll()) before += 1;
    t.equal((await m.post('/auth', { username: 'nobody-here', password: 'whatever' })).statusCode, 401);
    let after = 0;
    for await (const _ of m.eventStore.readAll()) after += 1;
    t.equal(after, before, 'an unknown name appends nothing');
    const unverified = [];
    for await (const e of m.eventStore.readAll()) if (e.type === 'SignInFailed' && e.data.reason === 'unverified') unverified.push(e);
    t.equal(unverified.length, 1, 'the unverified refusal is recorded');
    t.equal(unverified[0]?.data.via, 'B');
    t.match(unverified[0]?.metadata, { actor: 'anonymous', family: 'B', route: '/users/login' });
  });
});

t.test('decider: a failed sign-in changes nothing a command decides on', async (t) => {
  const at = '2026-03-01T09:00:00.000Z';
  const registered: UserEvent = {
    type: 'UserRegistered',
    data: { userId: 5, username: 'u', email: null, passwordHash: 'h', mustVerifyEmail: false, profile: {}, via: 'C', at },
  };
  const failed: UserEvent = { type: 'SignInFailed', data: { userId: 5, reason: 'wrong-password', via: 'C', at } };
  const plain = [registered].reduce(userDecider.evolve, userDecider.initialState());
  const many = [registered, failed, failed, { ...failed, data: { ...failed.data, reason: 'locked-out' } } as UserEvent].reduce(userDecider.evolve, userDecider.initialState());
  t.same(many, plain, 'the same state');
  deciderSpec(t, userDecider)
    .given([registered, failed])
    .when({ type: 'StartSession', data: { sessionKey: 'k', via: 'C', seconds: 60 }, metadata: { now: new Date(at) } })
    .then([{ type: 'SessionStarted', data: { userId: 5, sessionKey: 'k', via: 'C', at, expiresAt: '2026-03-01T09:01:00.000Z' } }]);
});

t.test('a fold over an account stream with 10,000 failed sign-ins', async (t) => {
  const dir = tempDir(t);
  const store = await openEmbeddedEventStore({ dir });
  t.teardown(() => store.close());
  const at = '2026-03-01T09:00:00.000Z';
  const stream = streams.user(1);
  await store.append(stream, [{ id: randomUUID(), type: 'UserRegistered', data: { userId: 1, username: 'u', email: null, passwordHash: 'h', mustVerifyEmail: false, profile: {}, via: 'C', at } }], 'no_stream');
  for (let i = 0; i < 10; i++) {
    const batch = Array.from({ length: 1000 }, () => ({ id: randomUUID(), type: 'SignInFailed', data: { userId: 1, reason: 'wrong-password', via: 'C', at } }));
    await store.append(stream, batch, 'stream_exists');
  }
  const started = performance.now();
  const cold = await fold(store, stream, userDecider);
  const coldMs = performance.now() - started;
  t.equal(cold.revision, 10_000n);
  t.equal(cold.state.status, 'active');
  t.comment(`cold fold of 10,001 events: ${coldMs.toFixed(1)} ms`);
  t.ok(coldMs < 5_000, `a cold fold stays well under a request timeout (${coldMs.toFixed(0)} ms)`);
  // A command folds from its cache: only what was appended since.
  const t0 = performance.now();
  const handled = await handle(store, stream, userDecider, { type: 'StartSession', data: { sessionKey: 'k', via: 'C', seconds: 60 }, metadata: { now: new Date(at) } });
  t.equal(handled.events.length, 1);
  t.comment(`a sign-in on it, fold cached: ${(performance.now() - t0).toFixed(1)} ms`);
});
