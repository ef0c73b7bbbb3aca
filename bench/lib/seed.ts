// Builds a large log straight into the embedded event store (before the
// service opens it), with the events the real deciders decide, so the
// projections read exactly what the commands would have written:
//   products: one ProductIdAllocated on the id counter and one ProductCreated each;
//   data: keys stored once and updated `updatesPerKey` times, one stream per key.
// Every thing belongs to user 1: the first account the benchmark registers.
// D's events are sealed under user 1's data key and named by the HMACs the
// service will use (its secrets are generated under the same DATA_DIR).
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openPersonalData } from '../../src/personal.js';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { NewEvent } from '../../src/infra/eventstore/types.js';
import { productDecider } from '../../src/products/decider.js';
import { productStreams } from '../../src/products/events.js';
import { keyDecider } from '../../src/data/decider.js';
import { dataStream } from '../../src/data/events.js';
import { inParallel } from './client.js';

export interface SeedPlan {
  products: number;
  keys: number;
  updatesPerKey: number;
}

export const eventsIn = (plan: SeedPlan) => plan.products * 2 + plan.keys * (1 + plan.updatesPerKey);

const OWNER = 1;
const toNew = (e: { type: string; data: Record<string, unknown> }): NewEvent => ({ id: randomUUID(), type: e.type, data: e.data });

export async function seedLog(dir: string, plan: SeedPlan, onProgress?: (events: number) => void): Promise<{ events: number; seconds: number }> {
  const raw = await openEmbeddedEventStore({ dir });
  const personal = await openPersonalData(loadConfig({ DATA_DIR: dirname(dir) }), raw);
  const store = personal.eventStore;
  const started = performance.now();
  let written = 0;
  const now = new Date();
  try {
    // The id counter first, in chunks: product N is the counter's event at revision N-1.
    for (let i = 0; i < plan.products; i += 1000) {
      const n = Math.min(1000, plan.products - i);
      const batch = Array.from({ length: n }, () => ({ id: randomUUID(), type: 'ProductIdAllocated', data: { userId: OWNER, at: now.toISOString() } }));
      await store.append(productStreams.productIds, batch, i === 0 ? 'no_stream' : BigInt(i - 1));
      written += n;
    }
    await inParallel(plan.products, 256, async (i) => {
      const productId = i + 1;
      const events = productDecider.decide(
        { type: 'CreateProduct', data: { productId, userId: OWNER, name: `Product ${productId}`, description: `Seeded product number ${productId}` }, metadata: { now } },
        productDecider.initialState(),
      );
      await store.append(productStreams.product(productId), events.map(toNew), 'no_stream');
      written += events.length;
      if (written % 50_000 < events.length) onProgress?.(written);
    });
    await inParallel(plan.keys, 256, async (i) => {
      const key = `seed-${i}`;
      let state = keyDecider.initialState();
      const events = [];
      for (let u = 0; u <= plan.updatesPerKey; u += 1) {
        const decided = keyDecider.decide(
          u === 0
            ? { type: 'StoreData', data: { userId: OWNER, key, value: { n: i, text: 'seeded value' } }, metadata: { now } }
            : { type: 'UpdateData', data: { userId: OWNER, key, value: { n: i, update: u } }, metadata: { now } },
          state,
        );
        for (const e of decided) state = keyDecider.evolve(state, e);
        events.push(...decided);
      }
      await store.append(dataStream(personal.names, OWNER, key), events.map(toNew), 'no_stream');
      written += events.length;
      if (written % 50_000 < events.length) onProgress?.(written);
    });
  } finally {
    await personal.dataKeys.close();
    await store.close();
  }
  return { events: written, seconds: (performance.now() - started) / 1000 };
}
