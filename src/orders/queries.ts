// Reads of the orders read model: one hash per order, and per user a sorted
// set of their order ids (newest first by id, ids being allocated in order).
import { ORDERS, orderKeys } from './read-model.js';
import type { ReadModelStore } from '../infra/readstore/types.js';
import type { OrderState, PlacedOrder } from './decider.js';
import type { OrderLine } from './events.js';
import type { Order } from './schemas.js';

export function toOrder(state: PlacedOrder): Order {
  return {
    id: state.orderId,
    userId: state.userId,
    status: state.status,
    items: state.items.map(({ productId, name, quantity }) => ({ productId, name, quantity })),
    createdAt: state.createdAt,
  };
}

/** The order a command left: a placed one, since decide refuses every command on an absent order but the placing. */
export function existingOrder(state: OrderState): PlacedOrder {
  if (state.status === 'absent') throw new Error('an order just placed or cancelled exists');
  return state;
}

function fromHash(h: Record<string, string>): Order {
  return {
    id: Number(h.id),
    userId: Number(h.userId),
    status: h.status === 'cancelled' ? 'cancelled' : 'placed',
    items: JSON.parse(h.items ?? '[]') as OrderLine[],
    createdAt: h.createdAt ?? '',
  };
}

/** The caller's order, or null when it does not exist or is someone else's (never their data). */
export async function findOrder(store: ReadModelStore, orderId: number, userId: number): Promise<Order | null> {
  const h = await store.hgetall(ORDERS, orderKeys.order(orderId));
  if (!h || h.userId !== String(userId)) return null;
  return fromHash(h);
}

export async function ordersOf(store: ReadModelStore, userId: number): Promise<Order[]> {
  const ids = await store.zrange(ORDERS, orderKeys.ordersOf(userId), 0, -1, 'desc');
  const hashes = await store.hgetallMany(ORDERS, ids.map((id) => orderKeys.order(id)));
  return hashes.flatMap((h) => (h ? [fromHash(h)] : []));
}
