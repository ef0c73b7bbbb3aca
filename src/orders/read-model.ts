// Where the orders read model keeps what: one hash per order and, per user, a
// sorted set of their order ids. projections/orders.ts writes these keys from
// the log; src/orders/queries.ts reads them.

export const ORDERS = 'orders';

export const orderKeys = {
  order: (id: number | string) => `order:${id}`,
  /** The user's order ids, scored by id (newest = highest). */
  ordersOf: (userId: number | string) => `orders-of:${userId}`,
};
