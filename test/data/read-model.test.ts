// The key-value read model's layout: a user's values in a few hashes. A read
// model in Redis that an earlier release built (one string per value, indexed
// for the account's deletion) keeps working until the next replay: its values
// are read, a deletion drops them, and the account's deletion forgets them all.
import t from 'tap';
import type { RecordedEvent } from '../../src/infra/eventstore/types.js';
import type { ReadModelStore, WriteOp } from '../../src/infra/readstore/types.js';
import { DATA, dataKeys } from '../../src/data/read-model.js';
import { findValue } from '../../src/data/queries.js';
import { dataProjection } from '../../projections/data.js';
import { openServices } from '../support/services.js';
import { readStoreFor, storeKinds } from '../support/stores.js';

/** An event from a log written before sealing: the key and value in the clear. */
const plain = (type: string, data: Record<string, unknown>) => ({ type, data, stream: `data-${String(data.userId)}-${String(data.key)}` }) as RecordedEvent;

for (const kind of storeKinds(t)) {
  t.test(`${kind}: a read model of an earlier release is read and forgotten until the next replay`, async (t) => {
    const { svc } = await openServices(t);
    const store: ReadModelStore = await readStoreFor(t, kind);
    const world = { readStore: store, names: svc.names, dataKeys: svc.dataKeys };
    let checkpoint = 0;
    const apply = async (ops: WriteOp[]) => {
      const expected = checkpoint === 0 ? '' : String(checkpoint).padStart(4, '0');
      const next = String(++checkpoint).padStart(4, '0');
      t.same(await store.apply({ model: DATA, generation: 1, expected, next, requireCurrent: true, ops }), { status: 'applied' });
    };
    const value = async (userId: number, key: string) => (await findValue(world, userId, key))?.value;

    // What the earlier release wrote: a string per value, and its index.
    await apply([
      { op: 'set', key: dataKeys.former.value(7, 'prefs'), value: '"dark"' },
      { op: 'set', key: dataKeys.former.value(7, 'gone'), value: '"bye"' },
      { op: 'hsetfield', key: dataKeys.former.entries(7), field: 'prefs', value: '1' },
      { op: 'hsetfield', key: dataKeys.former.entries(7), field: 'gone', value: '1' },
      { op: 'set', key: dataKeys.former.value(8, 'prefs'), value: '"other owner"' },
      { op: 'hsetfield', key: dataKeys.former.entries(8), field: 'prefs', value: '1' },
    ]);
    t.equal(await value(7, 'prefs'), 'dark', 'a value of the former layout is read');
    t.equal(await value(7, 'gone'), 'bye');
    t.equal(await value(7, 'never'), undefined, 'a key nobody stored: not found');

    // This release's projection on top of it.
    await apply(dataProjection.apply(plain('DataDeleted', { userId: 7, key: 'gone' })));
    t.equal(await value(7, 'gone'), undefined, 'deleted: the former string goes too, so the fallback cannot find it again');
    await apply(dataProjection.apply(plain('DataUpdated', { userId: 7, key: 'prefs', value: 'light' })));
    t.equal(await value(7, 'prefs'), 'light', "an update lands in the user's hash, which is read first");
    t.same((await store.dump(DATA))[dataKeys.values(7, 'prefs')], { prefs: '"light"' }, "the user's values in hashes, entry → value");

    await apply(dataProjection.apply(plain('AccountDeleted', { userId: 7 })));
    t.equal(await value(7, 'prefs'), undefined, "the account's deletion forgets both layouts");
    t.same(
      Object.keys(await store.dump(DATA)).sort(),
      [dataKeys.former.entries(8), dataKeys.former.value(8, 'prefs')].sort(),
      "nothing of user 7 is left; user 8's former entries stay",
    );
    t.equal(await value(8, 'prefs'), 'other owner');
  });
}
