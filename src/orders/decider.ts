// The order decider: pure functions over one order's stream. An order is
// placed once, by its owner, and cancelled at most once, by its owner.
import type { Decider } from '../infra/commands.js';
import { DomainError, assertNever } from '../infra/errors.js';
import { MAX_ITEMS, MAX_QUANTITY, type OrderEvent, type OrderLine } from './events.js';

/** An order that was placed (and may since be cancelled). */
export interface PlacedOrder {
  status: 'placed' | 'cancelled';
  orderId: number;
  userId: number;
  items: OrderLine[];
  createdAt: string;
}

export type OrderState = { status: 'absent' } | PlacedOrder;

export type OrderCommand =
  | { type: 'PlaceOrder'; data: { orderId: number; userId: number; items: OrderLine[] }; metadata: { now: Date } }
  | { type: 'CancelOrder'; data: { userId: number }; metadata: { now: Date } };

export const initialState = (): OrderState => ({ status: 'absent' });

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderPlaced': {
      const d = event.data;
      return { status: 'placed', orderId: d.orderId, userId: d.userId, items: d.items, createdAt: d.at };
    }
    case 'OrderCancelled':
      return state.status === 'absent' ? state : { ...state, status: 'cancelled' };
    default:
      return assertNever(event);
  }
}

/** What is wrong with an order's lines, in the domain's words. */
export type LineProblem = 'InvalidItems' | 'InvalidQuantity' | 'DuplicateProduct';
/** Why an order refuses a command (placing also refuses a product that is not for sale: ProductNotFound). */
export type OrderRefusal = LineProblem | 'ProductNotFound' | 'OrderExists' | 'OrderNotFound' | 'OrderAlreadyCancelled';
export const refuse = (code: OrderRefusal) => new DomainError(code);

/**
 * The rules for an order's lines, also checked before any id is allocated:
 * 1..MAX_ITEMS lines, each product at most once, quantities 1..MAX_QUANTITY.
 * Returns the DomainError code, or null when the lines are fine.
 */
export function problemWithLines(items: { productId: number; quantity: number }[]): LineProblem | null {
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
      if (state.status !== 'absent') throw refuse('OrderExists');
      const problem = problemWithLines(command.data.items);
      if (problem) throw refuse(problem);
      const { orderId, userId, items } = command.data;
      return [{ type: 'OrderPlaced', data: { orderId, userId, items, at } }];
    }
    case 'CancelOrder': {
      if (state.status === 'absent') throw refuse('OrderNotFound');
      // Another user's order does not exist for the caller.
      if (state.userId !== command.data.userId) throw refuse('OrderNotFound');
      if (state.status === 'cancelled') throw refuse('OrderAlreadyCancelled');
      return [{ type: 'OrderCancelled', data: { orderId: state.orderId, userId: command.data.userId, at } }];
    }
    default:
      return assertNever(command);
  }
}

export const orderDecider: Decider<OrderState, OrderCommand, OrderEvent> = { initialState, evolve, decide };
