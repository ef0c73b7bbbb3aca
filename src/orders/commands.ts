// Order workflows. Placing an order checks each product against the event
// store at that moment (its stream, folded) and records the names it had.
import { allocateId, fold, handle } from '../infra/commands.js';
import type { Services } from '../infra/services.js';
import { productDecider } from '../products/decider.js';
import { productStreams } from '../products/events.js';
import { orderDecider, problemWithLines, refuse } from './decider.js';
import { orderStreams, type OrderLine } from './events.js';
import { existingOrder, toOrder } from './queries.js';
import type { Order } from './schemas.js';

const allocateOrderId = (svc: Services, userId: number) =>
  allocateId(svc.eventStore, orderStreams.orderIds, { type: 'OrderIdAllocated', data: { userId, at: svc.now().toISOString() } });

/**
 * Throws DomainError InvalidItems, InvalidQuantity, DuplicateProduct (before
 * any id is allocated) or ProductNotFound. A product deleted between the check
 * and the append still makes the order: the check is as of the moment it ran.
 */
export async function placeOrder(
  svc: Services,
  input: { userId: number; items: { productId: number; quantity: number }[] },
): Promise<Order> {
  const problem = problemWithLines(input.items);
  if (problem) throw refuse(problem);
  const products = await Promise.all(
    input.items.map((i) => fold(svc.eventStore, productStreams.product(i.productId), productDecider)),
  );
  const lines: OrderLine[] = input.items.map((item, n) => {
    const { state } = products[n]!;
    if (state.status !== 'active') throw refuse('ProductNotFound');
    return { productId: item.productId, name: state.name, quantity: item.quantity };
  });
  const orderId = await allocateOrderId(svc, input.userId);
  const placed = await handle(svc.eventStore, orderStreams.order(orderId), orderDecider, {
    type: 'PlaceOrder',
    data: { orderId, userId: input.userId, items: lines },
    metadata: { now: svc.now() },
  });
  await svc.settle(placed.position);
  return toOrder(existingOrder(placed.state));
}

/** Throws DomainError OrderNotFound (also for another user's order) or OrderAlreadyCancelled. */
export async function cancelOrder(svc: Services, input: { orderId: number; userId: number }): Promise<Order> {
  const cancelled = await handle(svc.eventStore, orderStreams.order(input.orderId), orderDecider, {
    type: 'CancelOrder',
    data: { userId: input.userId },
    metadata: { now: svc.now() },
  });
  await svc.settle(cancelled.position);
  return toOrder(existingOrder(cancelled.state));
}
