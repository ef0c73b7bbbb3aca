// What happens to products, as recorded in the log. Every event names the
// user who caused it, so the audit log answers "who changed this".

/** Events of one product's stream, `product-<id>`. */
export type ProductEvent =
  | {
      type: 'ProductCreated';
      data: { productId: number; userId: number; name: string; description: string; at: string };
    }
  | {
      type: 'ProductUpdated';
      data: { productId: number; userId: number; name: string; description: string; at: string };
    }
  | { type: 'ProductDeleted'; data: { productId: number; userId: number; at: string } };

/** The product id counter stream: id N is the event at revision N-1. */
export type ProductIdEvent = { type: 'ProductIdAllocated'; data: { userId: number; at: string } };

export const productStreams = {
  product: (productId: number) => `product-${productId}`,
  productIds: 'ids-product',
};

/** E's image rule: every run of characters outside [A-Za-z0-9] in the name becomes one "_". */
export function imageFor(name: string): string {
  return `https://picsum.photos/200/200?random=${name.replace(/[^A-Za-z0-9]+/g, '_')}`;
}
