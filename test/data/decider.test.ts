import t, { type Test } from 'tap';
import { keyDecider, type DataCommand } from '../../src/data/decider.js';
import type { DataEvent } from '../../src/data/events.js';

const now = new Date('2024-05-01T10:00:00.000Z');
const at = now.toISOString();
const { initialState, evolve, decide } = keyDecider;
const given = (events: DataEvent[]) => ({
  when: (command: DataCommand) => () => decide(command, events.reduce(evolve, initialState())),
});
const throwsCode = (t: Test, fn: () => unknown, code: string) => t.throws(fn, { name: 'DomainError', code }, code);

const key = { userId: 4, key: 'k' };
const store = (value: unknown): DataCommand => ({ type: 'StoreData', data: { ...key, value }, metadata: { now } });
const update = (value: unknown): DataCommand => ({ type: 'UpdateData', data: { ...key, value }, metadata: { now } });
const remove: DataCommand = { type: 'DeleteData', data: key, metadata: { now } };
const stored: DataEvent = { type: 'DataStored', data: { ...key, value: 1, at } };
const deleted: DataEvent = { type: 'DataDeleted', data: { ...key, at } };

t.test('store a new key; an existing one is KEY_EXISTS', async (t) => {
  t.same(given([]).when(store(1))(), [stored]);
  throwsCode(t, given([stored]).when(store(2)), 'KEY_EXISTS');
  t.same(given([stored, deleted]).when(store(5))(), [{ type: 'DataStored', data: { ...key, value: 5, at } }], 'again after a delete');
});

t.test('update and delete need the key', async (t) => {
  t.same(given([stored]).when(update({ a: 1 }))(), [{ type: 'DataUpdated', data: { ...key, value: { a: 1 }, at } }]);
  t.same(given([stored]).when(remove)(), [deleted]);
  for (const history of [[], [stored, deleted]]) {
    throwsCode(t, given(history).when(update(1)), 'KEY_NOT_FOUND');
    throwsCode(t, given(history).when(remove), 'KEY_NOT_FOUND');
  }
});
