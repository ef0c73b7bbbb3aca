import t from 'tap';
import { deciderSpec } from '../support/decider-spec.js';
import { productDecider, type ProductCommand } from '../../src/products/decider.js';
import type { ProductEvent } from '../../src/products/events.js';

const now = new Date('2024-05-01T10:00:00.000Z');
const at = now.toISOString();

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

t.test('create on a new stream', async (t) => {
  const { given } = deciderSpec(t, productDecider);
  given([]).when({ type: 'CreateProduct', data: { productId: 7, userId: 1, name: 'Lamp', description: 'Bright' }, metadata: { now } }).then([created]);
  given([created]).when({ type: 'CreateProduct', data: { productId: 7, userId: 1, name: 'x', description: 'y' }, metadata: { now } }).thenThrows('ProductExists');
});

t.test('update by the owner replaces both fields', async (t) => {
  const { given } = deciderSpec(t, productDecider);
  given([created]).when(update(1)).then([
    { type: 'ProductUpdated', data: { productId: 7, userId: 1, name: 'Lamp 2', description: 'Brighter', at } },
  ]);
});

t.test('refusals: 404 before 403 before 412', async (t) => {
  const { given } = deciderSpec(t, productDecider);
  const deleted: ProductEvent = { type: 'ProductDeleted', data: { productId: 7, userId: 1, at } };
  given([]).when(update(1)).thenThrows('ProductNotFound');
  given([created, deleted]).when(update(1)).thenThrows('ProductNotFound');
  given([created, deleted]).when(remove(1)).thenThrows('ProductNotFound');
  given([created]).when(update(2)).thenThrows('NotProductOwner');
  given([created]).when(update(2, [5])).thenThrows('NotProductOwner');
  given([created]).when(remove(2)).thenThrows('NotProductOwner');
  given([created]).when(update(1, [1])).thenThrows('ProductChanged');
  given([created]).when(remove(1, [])).thenThrows('ProductChanged');
});

t.test('If-Match revisions: the stream revision of the last event', async (t) => {
  const { given } = deciderSpec(t, productDecider);
  const updated: ProductEvent = { type: 'ProductUpdated', data: { productId: 7, userId: 1, name: 'n', description: 'd', at } };
  t.equal(given([created, updated]).when(remove(1, [1])).events().length, 1, 'the If-Match of the last event (revision 1) applies');
  t.equal(given([created, updated]).when(update(1, [0, 1])).events().length, 1);
  given([created, updated]).when(remove(1, [1])).then([{ type: 'ProductDeleted', data: { productId: 7, userId: 1, at } }]);
  given([created, updated]).when(update(1, [0])).thenThrows('ProductChanged');
});
