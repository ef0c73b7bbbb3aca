// Order shapes (API-CONTRACT.md "Orders") and A-family messages.
import { Type, type Static } from '@sinclair/typebox';
import { MAX_ID } from '../infra/http/params.js';
import { MAX_ITEMS, MAX_QUANTITY } from './events.js';

export const OrderItemInput = Type.Object(
  {
    productId: Type.Integer({ minimum: 1, maximum: MAX_ID }),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
  },
  { title: 'OrderItemInput' },
);

export const OrderBody = Type.Object({
  items: Type.Array(OrderItemInput, { minItems: 1, maxItems: MAX_ITEMS, description: 'Each product at most once' }),
}, { title: 'OrderInput' });

export const OrderParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'Order id (a positive integer)' }),
});

export const Order = Type.Object(
  {
    id: Type.Integer(),
    userId: Type.Integer(),
    status: Type.Union([Type.Literal('placed'), Type.Literal('cancelled')]),
    items: Type.Array(
      Type.Object({
        productId: Type.Integer(),
        name: Type.String({ description: "The product's name when the order was placed" }),
        quantity: Type.Integer(),
      }, { title: 'OrderItem' }),
    ),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Order' },
);
export type Order = Static<typeof Order>;

export const OrderList = Type.Object({ orders: Type.Array(Order, { description: 'Newest first' }) }, { title: 'OrderList' });

export const messages = {
  items: `items must be a list of 1 to ${MAX_ITEMS} objects {"productId": integer, "quantity": integer}`,
  productId: 'productId must be a positive integer',
  quantity: `quantity must be an integer from 1 to ${MAX_QUANTITY}`,
  duplicate: 'Each product may appear only once in an order',
  invalidId: 'Invalid order ID',
  notFound: 'Order not found',
  none: 'No orders found',
  productNotFound: 'Product not found',
  alreadyCancelled: 'Order already cancelled',
};
