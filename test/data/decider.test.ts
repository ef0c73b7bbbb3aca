import t from 'tap';
import { deciderSpec } from '../support/decider-spec.js';
import { keyDecider, type DataCommand } from '../../src/data/decider.js';
import type { DataEvent } from '../../src/data/events.js';

const now = new Date('2024-05-01T10:00:00.000Z');
const at = now.toISOString();

const key = { userId: 4, key: 'k' };
const store = (value: unknown): DataCommand => ({ type: 'StoreData', data: { ...key, value }, metadata: { now } });
const update = (value: unknown): DataCommand => ({ type: 'UpdateData', data: { ...key, value }, metadata: { now } });
const remove: DataCommand = { type: 'DeleteData', data: key, metadata: { now } };
const stored: DataEvent = { type: 'DataStored', data: { ...key, value: 1, at } };
const deleted: DataEvent = { type: 'DataDeleted', data: { ...key, at } };

t.test('store a new key; an existing one is refused', async (t) => {
  const { given } = deciderSpec(t, keyDecider);
  given([]).when(store(1)).then([stored]);
  given([stored]).when(store(2)).thenThrows('KeyExists');
  given([stored, deleted]).when(store(5)).then([{ type: 'DataStored', data: { ...key, value: 5, at } }], 'again after a delete');
});

t.test('update and delete need the key', async (t) => {
  const { given } = deciderSpec(t, keyDecider);
  given([stored]).when(update({ a: 1 })).then([{ type: 'DataUpdated', data: { ...key, value: { a: 1 }, at } }]);
  given([stored]).when(remove).then([deleted]);
  for (const history of [[], [stored, deleted]]) {
    given(history).when(update(1)).thenThrows('KeyNotFound');
    given(history).when(remove).thenThrows('KeyNotFound');
  }
});
