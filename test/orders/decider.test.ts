import t from 'tap';
import { deciderSpec } from '../support/decider-spec.js';
import { orderDecider, problemWithLines, type OrderCommand } from '../../src/orders/decider.js';
import type { OrderEvent } from '../../src/orders/events.js';

const now = new Date('2024-05-01T10:00:00.000Z');
const at = now.toISOString();
const { initialState, evolve } = orderDecider;

const items = [{ productId: 3, name: 'Lamp', quantity: 2 }];
const place: OrderCommand = { type: 'PlaceOrder', data: { orderId: 9, userId: 1, items }, metadata: { now } };
const placed: OrderEvent = { type: 'OrderPlaced', data: { orderId: 9, userId: 1, items, at } };
const cancelBy = (userId: number): OrderCommand => ({ type: 'CancelOrder', data: { userId }, metadata: { now } });
const cancelled: OrderEvent = { type: 'OrderCancelled', data: { orderId: 9, userId: 1, at } };

t.test('place once', async (t) => {
  const { given } = deciderSpec(t, orderDecider);
  given([]).when(place).then([placed]);
  given([placed]).when(place).thenThrows('OrderExists');
});

t.test('lines: 1..100, quantities 1..1000, each product once', async (t) => {
  const { given } = deciderSpec(t, orderDecider);
  const line = (productId: number, quantity = 1) => ({ productId, quantity });
  t.equal(problemWithLines([line(1)]), null);
  t.equal(problemWithLines([line(1, 1000)]), null);
  t.equal(problemWithLines(Array.from({ length: 100 }, (_, i) => line(i + 1))), null);
  t.equal(problemWithLines([]), 'InvalidItems');
  t.equal(problemWithLines(Array.from({ length: 101 }, (_, i) => line(i + 1))), 'InvalidItems');
  t.equal(problemWithLines([line(1, 0)]), 'InvalidQuantity');
  t.equal(problemWithLines([line(1, 1001)]), 'InvalidQuantity');
  t.equal(problemWithLines([line(1, 2.5)]), 'InvalidQuantity');
  t.equal(problemWithLines([line(1), line(2), line(1)]), 'DuplicateProduct');
  given([]).when({ ...place, data: { ...place.data, items: [] } }).thenThrows('InvalidItems');
});

t.test('cancel: the owner, a placed order, once', async (t) => {
  const { given } = deciderSpec(t, orderDecider);
  given([placed]).when(cancelBy(1)).then([cancelled]);
  given([]).when(cancelBy(1)).thenThrows('OrderNotFound');
  given([placed]).when(cancelBy(2)).thenThrows('OrderNotFound');
  given([placed, cancelled]).when(cancelBy(2)).thenThrows('OrderNotFound');
  given([placed, cancelled]).when(cancelBy(1)).thenThrows('OrderAlreadyCancelled');
  t.equal([placed, cancelled].reduce(evolve, initialState()).status, 'cancelled');
});
