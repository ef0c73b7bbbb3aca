// Product workflows: allocate an id, then decide on the product's own stream.
// Each answers after the read models show the change (read your writes).
import { randomUUID } from 'node:crypto';
import { handle, type Handled } from '../infra/commands.js';
import type { Services } from '../infra/services.js';
import { productDecider, type Precondition, type ProductState } from './decider.js';
import { productStreams, type ProductEvent } from './events.js';
import { toProduct, type VersionedProduct } from './queries.js';

/**
 * Racing writers to one product each re-read and re-decide (handle's retry);
 * a PUT replaces name and description together, so deciding again on the
 * fresh state is right. Allow enough attempts for a burst of writers.
 */
const ATTEMPTS = 12;

/** The product a command left, with its stream's revision (the ETag). */
function versioned({ state, revision }: Handled<ProductState, ProductEvent>): VersionedProduct {
  if (state.status === 'absent') throw new Error('a product just created or changed exists');
  const { productId: id, ownerId: userId, name, description } = state;
  return { product: toProduct({ id, userId, name, description }), revision: Number(revision) };
}

/**
 * Ids come from the event store's counter stream (expected 'any', id =
 * revision + 1): allocated in order and never reused, and rebuilt with the log.
 */
async function allocateProductId(svc: Services, userId: number): Promise<number> {
  const allocated = await svc.eventStore.append(
    productStreams.productIds,
    [{ id: randomUUID(), type: 'ProductIdAllocated', data: { userId, at: svc.now().toISOString() } }],
    'any',
  );
  return Number(allocated.nextExpectedRevision) + 1;
}

export async function createProduct(
  svc: Services,
  input: { userId: number; name: string; description: string },
): Promise<VersionedProduct> {
  const productId = await allocateProductId(svc, input.userId);
  const created = await handle(svc.eventStore, productStreams.product(productId), productDecider, {
    type: 'CreateProduct',
    data: { productId, ...input },
    metadata: { now: svc.now() },
  });
  await svc.settle(created.position);
  return versioned(created);
}

/** Throws DomainError ProductNotFound, NotProductOwner or ProductChanged (If-Match). */
export async function updateProduct(
  svc: Services,
  input: { productId: number; userId: number; name: string; description: string; ifMatch?: Precondition },
): Promise<VersionedProduct> {
  const updated = await handle(
    svc.eventStore,
    productStreams.product(input.productId),
    productDecider,
    { type: 'UpdateProduct', data: input, metadata: { now: svc.now() } },
    { attempts: ATTEMPTS },
  );
  await svc.settle(updated.position);
  return versioned(updated);
}

/** Throws DomainError ProductNotFound, NotProductOwner or ProductChanged (If-Match). */
export async function deleteProduct(
  svc: Services,
  input: { productId: number; userId: number; ifMatch?: Precondition },
): Promise<void> {
  const deleted = await handle(
    svc.eventStore,
    productStreams.product(input.productId),
    productDecider,
    { type: 'DeleteProduct', data: input, metadata: { now: svc.now() } },
    { attempts: ATTEMPTS },
  );
  await svc.settle(deleted.position);
}
