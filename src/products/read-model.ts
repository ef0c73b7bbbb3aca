// Where the products read model keeps what: one hash per live product and a
// sorted set of live ids (score = id). projections/products.ts writes these
// keys from the log; src/products/queries.ts reads them.

export const PRODUCTS = 'products';

export const productKeys = {
  product: (id: number | string) => `product:${id}`,
  /** Live product ids, scored by id: listing order is id ascending. */
  ids: 'ids',
};
