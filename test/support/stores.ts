// Opens the real stores for tests: an embedded event store in a temp dir and a
// read store (in process, or Redis under a unique key prefix).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import type { ReadModelStore } from '../../src/infra/readstore/types.js';
import { build, READ_MODELS, REDIS_URL, tempDir, type ReadModels, type TestApp } from './app.js';
import type { Config } from '../../src/config.js';
import { namesFor, openPersonalData } from '../../src/personal.js';
import { emailKey, usernameKey } from '../../src/users/events.js';
import { userKeys } from '../../src/users/read-model.js';
import { deletePrefix } from './redis-cleanup.js';
import { hasRedisServer, NO_REDIS_SERVER, sharedRedisCluster } from './redis-cluster.js';

/** The read stores a suite runs on: both of READ_MODELS, plus a local Redis Cluster when redis-server exists. */
export type StoreKind = ReadModels | 'redis-cluster';

/** READ_MODELS and, when redis-server is installed, 'redis-cluster' (else a loud skip in `t`). */
export function storeKinds(t: { test(name: string, options: { skip: string }, fn: () => void): unknown }): StoreKind[] {
  if (hasRedisServer) return [...READ_MODELS, 'redis-cluster'];
  t.test('on a local Redis Cluster', { skip: NO_REDIS_SERVER }, () => {});
  return [...READ_MODELS];
}

interface Teardown {
  teardown(fn: () => unknown): void;
}

export async function eventStoreFor(t: Teardown, dir = tempDir(t)): Promise<EventStore> {
  const store = await openEmbeddedEventStore({ dir });
  t.teardown(() => store.close());
  return store;
}

/** A read store; pass the same prefix twice to get two connections to one Redis model (two instances). */
export async function readStoreFor(t: Teardown, kind: StoreKind, prefix = `test:${randomUUID()}:`): Promise<ReadModelStore> {
  // The cluster is private to this test process and removed with it: its keys need no cleanup.
  if (kind === 'redis-cluster') {
    const store = await openRedisReadStore({ clusterNodes: (await sharedRedisCluster()).nodes, prefix });
    t.teardown(() => store.close());
    return store;
  }
  const store = kind === 'redis' ? await openRedisReadStore({ url: REDIS_URL, prefix }) : createMemoryReadStore();
  t.teardown(async () => {
    await store.close();
    if (kind === 'redis') await deletePrefix(REDIS_URL, prefix);
  });
  return store;
}

/**
 * The log as the service reads it: personal fields opened with the accounts'
 * keys under `config`'s DATA_DIR (the app's), or erased. For tests that
 * replay or fold a log the app wrote.
 */
export async function openedLog(t: Teardown, config: Config, raw: EventStore): Promise<EventStore> {
  const personal = await openPersonalData(config, raw);
  t.teardown(() => personal.dataKeys.close());
  return personal.eventStore;
}

/** The users read model's key for a username or email, as the service under `config` names it. */
export function userIndex(config: Config, kind: 'username' | 'email', value: string): string {
  const names = namesFor(config);
  return kind === 'username' ? userKeys.username(usernameKey(names, value)) : userKeys.email(emailKey(names, value));
}

/** The real app over stores the test can look into. */
export interface AppWithStores extends TestApp {
  eventStore: EventStore;
  readStore: ReadModelStore;
}

/**
 * The real app over an embedded event store and a read store the test holds
 * (Redis under a unique prefix, or in process). Teardowns run last-added
 * first: the stores close after the app, and the Redis keys go with them.
 */
export async function buildWithStores(
  t: Teardown,
  options: { readModels?: ReadModels; env?: Record<string, string>; now?: () => Date } = {},
): Promise<AppWithStores> {
  const prefix = `test:${randomUUID()}:`;
  const dataDir = tempDir(t);
  const eventStore = await eventStoreFor(t, join(dataDir, 'events'));
  const readStore = await readStoreFor(t, options.readModels ?? 'memory', prefix);
  const built = await build(t, {
    ...(options.readModels ? { readModels: options.readModels } : {}),
    ...(options.now ? { now: options.now } : {}),
    dataDir,
    eventStore,
    readStore,
    env: { REDIS_KEY_PREFIX: prefix, ...options.env },
  });
  return { ...built, eventStore, readStore };
}
