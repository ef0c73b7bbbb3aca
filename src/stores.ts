// The stores a configuration selects: the embedded event store unless EVENTSTORE_URL
// names EventStoreDB, and read models in process (snapshotted, for the service)
// unless Redis is configured. The server, the app and the tools open them here.
import { join } from 'node:path';
import { redisTarget, type Config } from './config.js';
import { openEmbeddedEventStore } from './infra/eventstore/embedded.js';
import type { EventStore } from './infra/eventstore/types.js';
import { createMemoryReadStore } from './infra/readstore/memory.js';
import { openSnapshottedMemoryStore } from './infra/readstore/snapshot.js';
import type { ReadModelStore } from './infra/readstore/types.js';
import { allProjections } from '../projections/index.js';

export async function openEventStore(config: Config): Promise<EventStore> {
  if (!config.eventStoreUrl) return openEmbeddedEventStore({ dir: join(config.dataDir, 'events') });
  // Loaded only when selected: the embedded default never pays for gRPC.
  const { openEventStoreDb } = await import('./infra/eventstore/esdb.js');
  return openEventStoreDb(config.eventStoreUrl);
}

export async function openReadStore(config: Config): Promise<ReadModelStore> {
  if (!redisTarget(config)) return createMemoryReadStore();
  // Loaded only when selected, like EventStoreDB: the embedded default starts without ioredis.
  const { openRedisReadStore } = await import('./infra/readstore/redis.js');
  return openRedisReadStore({ url: config.redisUrl, clusterNodes: config.redisClusterNodes, prefix: config.redisKeyPrefix, cacheMs: config.readCacheMs });
}

/** The service's read store: Redis when configured, else in process, restored from and snapshotted to DATA_DIR/snapshots. */
export function openServiceReadStore(config: Config): Promise<ReadModelStore> {
  if (redisTarget(config)) return openReadStore(config);
  return openSnapshottedMemoryStore(join(config.dataDir, 'snapshots'), allProjections);
}
