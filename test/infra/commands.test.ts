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

t.test('a stream folded before is read from its new events only; other writers\' events are folded on top', async (t) => {
  const dir = t.testdir();
  const store = await eventStoreFor(t, dir);
  const reads: (bigint | undefined)[] = [];
  // The same store, recording where each stream read started.
  const watched = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'readStream') return Reflect.get(target, property, receiver);
      return (stream: string, options?: { fromRevision?: bigint }) => {
        reads.push(options?.fromRevision);
        return target.readStream(stream, options);
      };
    },
  });
  const add = (amount: number) => ({ type: 'Add' as const, data: { amount, limit: 1000 } });
  for (let i = 1; i <= 5; i += 1) await handle(watched, 'tally-cached', tally, add(1));
  t.same(
    reads,
    [undefined, undefined, 1n, 2n, 3n],
    'the stream is read whole until a fold found it (the first found it empty), then from the revision after the last fold',
  );

  // Another process (another store over the same file) appends: the next fold reads and folds its events too.
  const other = await eventStoreFor(t, dir);
  await handle(other, 'tally-cached', tally, add(10));
  await handle(other, 'tally-cached', tally, add(10));
  reads.length = 0;
  const done = await handle(watched, 'tally-cached', tally, add(1));
  t.equal(done.state.total, 26, 'decided on 5 + 20 from the other writer');
  t.same(reads, [4n], 'from the revision after the last fold: its own append and the other writer\'s two');
  t.same((await store.readStream('tally-cached')).map((e) => e.data.total), [1, 2, 3, 4, 5, 15, 25, 26]);
});
