import t, { type Test } from 'tap';
import { productDecider, type ProductCommand } from '../../src/products/decider.js';
import type { ProductEvent } from '../../src/products/events.js';

const now = new Date('2024-05-01T10:00:00.000Z');
const at = now.toISOString();
const { initialState, evolve, decide } = productDecider;
const given = (events: ProductEvent[]) => ({
  when: (command: ProductCommand) => () => decide(command, events.reduce(evolve, initialState())),
});

const created: ProductEvent = { type: 'ProductCreated', data: { productId: 7, userId: 1, name: 'Lamp', description: 'Bright', at } };
const update = (userId: number, ifMatch?: number[]): ProductCommand => ({
  type: 'UpdateProduct',
  data: { productId: 7, userId, name: 'Lamp 2', description: 'Brighter', ...(ifMatch ? { ifMatch: { revisions: ifMatch } } : {}) },
  metadata: { now },
});
const remove = (userId: number, ifMatch?: number[]): ProductCommand => ({
  type: 'DeleteProduct',
  data: { productId: 7, userId, ...(ifMatch ? { ifMatch: { revisions: ifMatch } } : {}) },
  metadata: { now },
});
const throwsCode = (t: Test, fn: () => unknown, code: string) => t.throws(fn, { name: 'DomainError', code }, code);

t.test('create on a new stream', async (t) => {
  const events = given([]).when({ type: 'CreateProduct', data: { productId: 7, userId: 1, name: 'Lamp', description: 'Bright' }, metadata: { now } })();
  t.same(events, [created]);
  throwsCode(t, given([created]).when({ type: 'CreateProduct', data: { productId: 7, userId: 1, name: 'x', description: 'y' }, metadata: { now } }), 'ProductExists');
});

t.test('update by the owner replaces both fields', async (t) => {
  t.same(given([created]).when(update(1))(), [
    { type: 'ProductUpdated', data: { productId: 7, userId: 1, name: 'Lamp 2', description: 'Brighter', at } },
  ]);
});

t.test('refusals: 404 before 403 before 412', async (t) => {
  const deleted: ProductEvent = { type: 'ProductDeleted', data: { productId: 7, userId: 1, at } };
  throwsCode(t, given([]).when(update(1)), 'ProductNotFound');
  throwsCode(t, given([created, deleted]).when(update(1)), 'ProductNotFound');
  throwsCode(t, given([created, deleted]).when(remove(1)), 'ProductNotFound');
  throwsCode(t, given([created]).when(update(2)), 'NotProductOwner');
  throwsCode(t, given([created]).when(update(2, [5])), 'NotProductOwner');
  throwsCode(t, given([created]).when(remove(2)), 'NotProductOwner');
  throwsCode(t, given([created]).when(update(1, [1])), 'ProductChanged');
  throwsCode(t, given([created]).when(remove(1, [])), 'ProductChanged');
});

t.test('If-Match revisions: the stream revision of the last event', async (t) => {
  const updated: ProductEvent = { type: 'ProductUpdated', data: { productId: 7, userId: 1, name: 'n', description: 'd', at } };
  t.equal([created, updated].reduce(evolve, initialState()).revision, 1);
  t.equal(given([created, updated]).when(update(1, [0, 1]))().length, 1);
  t.same(given([created, updated]).when(remove(1, [1]))(), [{ type: 'ProductDeleted', data: { productId: 7, userId: 1, at } }]);
  throwsCode(t, given([created, updated]).when(update(1, [0])), 'ProductChanged');
});
