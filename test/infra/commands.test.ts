// Command handling against the real embedded store: racing commands on one
// stream re-decide on fresh state (no lost update), and give up after the bound.
import t from 'tap';
import { handle, type Decider } from '../../src/infra/commands.js';
import { ConcurrencyError, DomainError } from '../../src/infra/errors.js';
import { eventStoreFor } from '../support/stores.js';

type Added = { type: 'Added'; data: { amount: number; total: number } };
type Add = { type: 'Add'; data: { amount: number; limit: number } };

const tally: Decider<{ total: number }, Add, Added> = {
  initialState: () => ({ total: 0 }),
  evolve: (s, e) => ({ total: e.data.total }),
  decide(cmd, s) {
    if (s.total + cmd.data.amount > cmd.data.limit) throw new DomainError('OverLimit');
    return [{ type: 'Added', data: { amount: cmd.data.amount, total: s.total + cmd.data.amount } }];
  },
};

t.test('50 racing commands on one stream: every one re-decides, no lost update', async (t) => {
  const store = await eventStoreFor(t);
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      handle(store, 'tally-1', tally, { type: 'Add', data: { amount: 1, limit: 1000 } }, { attempts: 200 }),
    ),
  );
  t.equal(results.length, 50);
  const events = await store.readStream('tally-1');
  t.equal(events.length, 50);
  t.same(
    events.map((e) => e.data.total),
    Array.from({ length: 50 }, (_, i) => i + 1),
    'each decision saw the one before it',
  );
});

t.test('the decider still refuses on fresh state after a retry', async (t) => {
  const store = await eventStoreFor(t);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, () => handle(store, 'tally-2', tally, { type: 'Add', data: { amount: 1, limit: 3 } }, { attempts: 50 })),
  );
  t.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 3, 'exactly up to the limit');
  t.ok(
    outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason.code === 'OverLimit'),
    'the rest refused by the domain',
  );
});

t.test('bounded retries: a command that keeps losing fails with ConcurrencyError, and wrote nothing', async (t) => {
  const store = await eventStoreFor(t);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, () => handle(store, 'tally-3', tally, { type: 'Add', data: { amount: 1, limit: 1000 } }, { attempts: 1 })),
  );
  const won = outcomes.filter((o) => o.status === 'fulfilled').length;
  const lost = outcomes.filter((o) => o.status === 'rejected');
  t.ok(won >= 1, `${won} won`);
  t.ok(lost.length >= 1, `${lost.length} lost`);
  t.ok(lost.every((o) => (o as PromiseRejectedResult).reason instanceof ConcurrencyError));
  t.equal((await store.readStream('tally-3')).length, won, 'only the winners are in the log');
});

t.test('a decider that decides nothing appends nothing', async (t) => {
  const store = await eventStoreFor(t);
  const noop: Decider<null, null, Added> = { initialState: () => null, evolve: (s) => s, decide: () => [] };
  const r = await handle(store, 'quiet', noop, null);
  t.same(r.events, []);
  t.equal(r.position, null);
  t.same(await store.readStream('quiet'), []);
});
