// The orders read model: one hash per order (lines as JSON, names as ordered)
// and one sorted set per user of their order ids, so a user's list never
// touches anyone else's orders.
import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';
import type { OrderEvent } from '../src/orders/events.js';
import type { Projection } from './types.js';
import { ORDERS, orderKeys } from '../src/orders/read-model.js';


export const ordersProjection: Projection = {
  name: ORDERS,
  handles: new Set<OrderEvent['type']>(['OrderPlaced', 'OrderCancelled']),
  apply(recorded: RecordedEvent): WriteOp[] {
    const event = { type: recorded.type, data: recorded.data } as OrderEvent;
    switch (event.type) {
      case 'OrderPlaced': {
        const d = event.data;
        const id = String(d.orderId);
        return [
          {
            op: 'hset',
            key: orderKeys.order(id),
            fields: {
              id,
              userId: String(d.userId),
              status: 'placed',
              items: JSON.stringify(d.items),
              createdAt: d.at,
            },
          },
          { op: 'zadd', key: orderKeys.ordersOf(d.userId), score: d.orderId, member: id },
        ];
      }
      case 'OrderCancelled':
        return [
          { op: 'hset', key: orderKeys.order(event.data.orderId), fields: { status: 'cancelled', cancelledAt: event.data.at } },
        ];
      default:
        return [];
    }
  },
};
