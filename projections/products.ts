// The products read model: one hash per live product and a sorted set of live
// ids (score = id), so a page is ZCARD + ZRANGE by rank + one pipelined HGETALL
// per product on it: O(log n + limit), whatever the number of products.
import type { RecordedEvent } from '../src/infra/eventstore/types.js';
import type { WriteOp } from '../src/infra/readstore/types.js';
import type { ProductEvent } from '../src/products/events.js';
import type { Projection } from './types.js';
import { PRODUCTS, productKeys } from '../src/products/read-model.js';


export const productsProjection: Projection = {
  name: PRODUCTS,
  handles: new Set<ProductEvent['type']>(['ProductCreated', 'ProductUpdated', 'ProductDeleted']),
  apply(recorded: RecordedEvent): WriteOp[] {
    const event = { type: recorded.type, data: recorded.data } as ProductEvent;
    // The stream revision is the product's ETag.
    const revision = String(recorded.revision);
    switch (event.type) {
      case 'ProductCreated': {
        const d = event.data;
        const id = String(d.productId);
        return [
          {
            op: 'hset',
            key: productKeys.product(id),
            fields: { id, userId: String(d.userId), name: d.name, description: d.description, revision },
          },
          { op: 'zadd', key: productKeys.ids, score: d.productId, member: id },
        ];
      }
      case 'ProductUpdated': {
        const d = event.data;
        return [
          { op: 'hset', key: productKeys.product(d.productId), fields: { name: d.name, description: d.description, revision } },
        ];
      }
      case 'ProductDeleted': {
        const id = String(event.data.productId);
        return [
          { op: 'del', key: productKeys.product(id) },
          { op: 'zrem', key: productKeys.ids, member: id },
        ];
      }
      default:
        return [];
    }
  },
};
