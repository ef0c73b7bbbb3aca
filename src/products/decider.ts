// The product decider: pure functions over one product's stream. Only the
// owner changes or deletes a product; a deleted product stays deleted (its id
// is never reused). The product's revision (its ETag) is its stream's
// revision: the decider reads it from handle, never counts it itself.
import type { Decider, StreamAt } from '../infra/commands.js';
import { DomainError, assertNever } from '../infra/errors.js';
import type { ProductEvent } from './events.js';

/** A product that was created (and may since be deleted: its id is never reused). */
export interface ExistingProduct {
  status: 'active' | 'deleted';
  productId: number;
  ownerId: number;
  name: string;
  description: string;
}

export type ProductState = { status: 'absent' } | ExistingProduct;

/** Why a product refuses a command, in the domain's words (A and E map them to their answers). */
export type ProductRefusal = 'ProductExists' | 'ProductNotFound' | 'NotProductOwner' | 'ProductChanged';
const refuse = (code: ProductRefusal) => new DomainError(code);

/** When given, the change applies only if the product's revision is one of these (HTTP If-Match). */
export type Precondition = { revisions: number[] } | undefined;

export type ProductCommand =
  | {
      type: 'CreateProduct';
      data: { productId: number; userId: number; name: string; description: string };
      metadata: { now: Date };
    }
  | {
      type: 'UpdateProduct';
      data: { productId: number; userId: number; name: string; description: string; ifMatch?: Precondition };
      metadata: { now: Date };
    }
  | {
      type: 'DeleteProduct';
      data: { productId: number; userId: number; ifMatch?: Precondition };
      metadata: { now: Date };
    };

export const initialState = (): ProductState => ({ status: 'absent' });

export function evolve(state: ProductState, event: ProductEvent): ProductState {
  switch (event.type) {
    case 'ProductCreated': {
      const d = event.data;
      return { status: 'active', productId: d.productId, ownerId: d.userId, name: d.name, description: d.description };
    }
    case 'ProductUpdated':
      return state.status === 'absent' ? state : { ...state, name: event.data.name, description: event.data.description };
    case 'ProductDeleted':
      return state.status === 'absent' ? state : { ...state, status: 'deleted' };
    default:
      return assertNever(event);
  }
}

/** The checks every change of an existing product passes, in the order clients see them: 404, 403, 412. */
function assertChangeable(
  state: ProductState,
  userId: number,
  ifMatch: Precondition,
  stream: StreamAt,
): asserts state is ExistingProduct {
  if (state.status !== 'active') throw refuse('ProductNotFound');
  if (state.ownerId !== userId) throw refuse('NotProductOwner');
  if (ifMatch && !ifMatch.revisions.includes(Number(stream.revision))) throw refuse('ProductChanged');
}

export function decide(command: ProductCommand, state: ProductState, stream: StreamAt): ProductEvent[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'CreateProduct': {
      if (state.status !== 'absent') throw refuse('ProductExists');
      const { productId, userId, name, description } = command.data;
      return [{ type: 'ProductCreated', data: { productId, userId, name, description, at } }];
    }
    case 'UpdateProduct': {
      const { userId, name, description, ifMatch } = command.data;
      assertChangeable(state, userId, ifMatch, stream);
      // PUT replaces both fields; an update that changes nothing is still recorded (the client asked for it).
      return [{ type: 'ProductUpdated', data: { productId: state.productId, userId, name, description, at } }];
    }
    case 'DeleteProduct': {
      const { userId, ifMatch } = command.data;
      assertChangeable(state, userId, ifMatch, stream);
      return [{ type: 'ProductDeleted', data: { productId: state.productId, userId, at } }];
    }
    default:
      return assertNever(command);
  }
}

export const productDecider: Decider<ProductState, ProductCommand, ProductEvent> = { initialState, evolve, decide };
