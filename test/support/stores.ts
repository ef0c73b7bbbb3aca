// Opens the real stores for tests: an embedded event store in a temp dir and a
// read store (in process, or Redis under a unique key prefix).
import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import type { ReadModelStore } from '../../src/infra/readstore/types.js';
import { REDIS_URL, tempDir, type ReadModels } from './app.js';
import { deletePrefix } from './redis-cleanup.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

export async function eventStoreFor(t: Teardown, dir = tempDir(t)): Promise<EventStore> {
  const store = await openEmbeddedEventStore({ dir });
  t.teardown(() => store.close());
  return store;
}

/** A read store; pass the same prefix twice to get two connections to one Redis model (two instances). */
export async function readStoreFor(t: Teardown, kind: ReadModels, prefix = `test:${randomUUID()}:`): Promise<ReadModelStore> {
  const store = kind === 'redis' ? await openRedisReadStore({ url: REDIS_URL, prefix }) : createMemoryReadStore();
  t.teardown(async () => {
    await store.close();
    if (kind === 'redis') await deletePrefix(REDIS_URL, prefix);
  });
  return store;
}
