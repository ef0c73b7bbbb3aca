// The order decider: pure functions over one order's stream. An order is
// placed once, by its owner, and cancelled at most once, by its owner.
import type { Decider } from '../infra/commands.js';
import { DomainError, assertNever } from '../infra/errors.js';
import { MAX_ITEMS, MAX_QUANTITY, type OrderEvent, type OrderLine } from './events.js';

export interface OrderState {
  status: 'absent' | 'placed' | 'cancelled';
  orderId: number | null;
  userId: number | null;
  items: OrderLine[];
  createdAt: string | null;
}

export type OrderCommand =
  | { type: 'PlaceOrder'; data: { orderId: number; userId: number; items: OrderLine[] }; metadata: { now: Date } }
  | { type: 'CancelOrder'; data: { userId: number }; metadata: { now: Date } };

export const initialState = (): OrderState => ({
  status: 'absent',
  orderId: null,
  userId: null,
  items: [],
  createdAt: null,
});

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderPlaced': {
      const d = event.data;
      return { status: 'placed', orderId: d.orderId, userId: d.userId, items: d.items, createdAt: d.at };
    }
    case 'OrderCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return assertNever(event);
  }
}

/**
 * The rules for an order's lines, also checked before any id is allocated:
 * 1..MAX_ITEMS lines, each product at most once, quantities 1..MAX_QUANTITY.
 * Returns the DomainError code, or null when the lines are fine.
 */
export function problemWithLines(items: { productId: number; quantity: number }[]): string | null {
  if (items.length === 0 || items.length > MAX_ITEMS) return 'InvalidItems';
  if (items.some((i) => !Number.isInteger(i.quantity) || i.quantity < 1 || i.quantity > MAX_QUANTITY)) {
    return 'InvalidQuantity';
  }
  if (new Set(items.map((i) => i.productId)).size !== items.length) return 'DuplicateProduct';
  return null;
}

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'PlaceOrder': {
      if (state.status !== 'absent') throw new DomainError('OrderExists');
      const problem = problemWithLines(command.data.items);
      if (problem) throw new DomainError(problem);
      const { orderId, userId, items } = command.data;
      return [{ type: 'OrderPlaced', data: { orderId, userId, items, at } }];
    }
    case 'CancelOrder': {
      if (state.status === 'absent' || state.orderId === null) throw new DomainError('OrderNotFound');
      // Another user's order does not exist for the caller.
      if (state.userId !== command.data.userId) throw new DomainError('OrderNotFound');
      if (state.status === 'cancelled') throw new DomainError('OrderAlreadyCancelled');
      return [{ type: 'OrderCancelled', data: { orderId: state.orderId, userId: command.data.userId, at } }];
    }
    default:
      return assertNever(command);
  }
}

export const orderDecider: Decider<OrderState, OrderCommand, OrderEvent> = { initialState, evolve, decide };
