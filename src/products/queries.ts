// Reads of the products read model. A page costs O(log n + limit): the sorted
// set of live ids gives the page's ids by rank, and each id its hash, all in
// one read-store call (one Lua script on Redis).
import { PRODUCTS, productKeys } from './read-model.js';
import type { ReadModelStore, ZPage } from '../infra/readstore/types.js';
import { imageFor } from './events.js';
import type { Product, ProductPage } from './schemas.js';

/** A product with the revision of its stream (its ETag). */
export interface VersionedProduct {
  product: Product;
  revision: number;
}

export function toProduct(p: { id: number; userId: number; name: string; description: string }): Product {
  return { id: p.id, name: p.name, description: p.description, userId: p.userId, image: imageFor(p.name) };
}

// A cached read (redis.ts's read cache) answers the same frozen object until its key changes: what
// is made from it is made once and kept beside it, frozen too, so it can be neither stale nor altered.
// Answers a store builds afresh (the in-process models) are not frozen and not kept.
const products = new WeakMap<object, VersionedProduct>();
const pages = new WeakMap<object, { page: number; limit: number; answer: ProductPage }>();

function fromHash(h: Record<string, string>): VersionedProduct {
  const known = products.get(h);
  if (known) return known;
  const made = {
    product: toProduct({ id: Number(h.id), userId: Number(h.userId), name: h.name ?? '', description: h.description ?? '' }),
    revision: Number(h.revision),
  };
  if (Object.isFrozen(h)) products.set(h, deepFreeze(made));
  return made;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export async function findProduct(store: ReadModelStore, productId: number): Promise<VersionedProduct | null> {
  const h = await store.hgetall(PRODUCTS, productKeys.product(productId));
  return h ? fromHash(h) : null;
}

export async function listProducts(store: ReadModelStore, page: number, limit: number): Promise<ProductPage> {
  const start = (page - 1) * limit;
  // One round trip, one instant: the count, the page's ids and their products agree.
  const read = await store.zpage(PRODUCTS, productKeys.ids, start, start + limit - 1, productKeys.product(''));
  const known = pages.get(read);
  if (known && known.page === page && known.limit === limit) return known.answer;
  const answer = pageOf(read, page, limit);
  if (Object.isFrozen(read)) pages.set(read, { page, limit, answer: deepFreeze(answer) });
  return answer;
}

function pageOf({ total, hashes }: ZPage, page: number, limit: number): ProductPage {
  const products = hashes.flatMap((h) => (h ? [fromHash(h).product] : []));
  const totalPages = Math.ceil(total / limit);
  return {
    products,
    pagination: {
      currentPage: page,
      totalPages,
      totalProducts: total,
      limit,
      hasNext: page < totalPages,
      hasPrev: page > 1,
    },
  };
}
