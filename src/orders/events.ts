// What happens to orders, as recorded in the log. An order keeps each
// product's name as it was when ordered: a product renamed or deleted later
// does not change past orders.

export interface OrderLine {
  productId: number;
  name: string;
  quantity: number;
}

/** Events of one order's stream, `order-<id>`. */
export type OrderEvent =
  | { type: 'OrderPlaced'; data: { orderId: number; userId: number; items: OrderLine[]; at: string } }
  | { type: 'OrderCancelled'; data: { orderId: number; userId: number; at: string } };

/** The order id counter stream: id N is the event at revision N-1. */
export type OrderIdEvent = { type: 'OrderIdAllocated'; data: { userId: number; at: string } };

export const orderStreams = {
  order: (orderId: number) => `order-${orderId}`,
  orderIds: 'ids-order',
};

export const MAX_ITEMS = 100;
export const MAX_QUANTITY = 1000;
