// Product workflows: allocate an id, then decide on the product's own stream.
// Each answers after the read models show the change (read your writes).
import { allocateId, handle, type Handled } from '../infra/commands.js';
import type { Services } from '../infra/services.js';
import { productDecider, type Precondition, type ProductCommand, type ProductState } from './decider.js';
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

const allocateProductId = (svc: Services, userId: number) =>
  allocateId(svc.eventStore, productStreams.productIds, { type: 'ProductIdAllocated', data: { userId, at: svc.now().toISOString() } });

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

type Change = Extract<ProductCommand, { type: 'UpdateProduct' | 'DeleteProduct' }>;

/** An owner's change of a product, answered once the read models show it. */
async function change(svc: Services, command: Omit<Change, 'metadata'>): Promise<Handled<ProductState, ProductEvent>> {
  const changed = await handle(
    svc.eventStore,
    productStreams.product(command.data.productId),
    productDecider,
    { ...command, metadata: { now: svc.now() } } as Change,
    { attempts: ATTEMPTS },
  );
  await svc.settle(changed.position);
  return changed;
}

/** Throws DomainError ProductNotFound, NotProductOwner or ProductChanged (If-Match). */
export async function updateProduct(
  svc: Services,
  input: { productId: number; userId: number; name: string; description: string; ifMatch?: Precondition },
): Promise<VersionedProduct> {
  return versioned(await change(svc, { type: 'UpdateProduct', data: input }));
}

/** Throws DomainError ProductNotFound, NotProductOwner or ProductChanged (If-Match). */
export async function deleteProduct(
  svc: Services,
  input: { productId: number; userId: number; ifMatch?: Precondition },
): Promise<void> {
  await change(svc, { type: 'DeleteProduct', data: input });
}
