// One place that turns the Redis settings into a client: a single node
// (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES, seed nodes). Both
// behave the same for our callers: commands fail fast while disconnected (the
// caller answers 503) instead of queueing, and they reconnect on their own.
//
// Keys are always built whole by the callers (the prefix plus a hash tag per
// read model); ioredis's keyPrefix is not used, so the slot a cluster client
// computes is the slot of the exact key Redis stores.
import { Cluster, Redis } from 'ioredis';
import type { RedisTarget } from '../config.js';

/** For messages: where we tried to connect (never credentials). */
export function describeTarget(target: RedisTarget): string {
  if ('url' in target) {
    const u = new URL(target.url);
    return `${u.protocol}//${u.host}`;
  }
  return `cluster ${target.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
}

export interface ClientSettings {
  /** How long one command may take before it fails. */
  commandTimeoutMs: number;
  /** Commands issued in the same tick share one socket write. */
  autoPipelining?: boolean;
  /**
   * Commands defined with defineCommand (scripts). On a cluster they stay out of
   * auto-pipelining: ioredis routes an auto-pipelined call by its first argument,
   * which for a script is the key count, not a key.
   */
  scripts?: string[];
}

export type RedisClient = Redis | Cluster;

/** A lazily connecting client: call connect() (and handle its failure) before use. */
export function createRedisClient(target: RedisTarget, settings: ClientSettings): RedisClient {
  const perConnection = {
    maxRetriesPerRequest: 1,
    commandTimeout: settings.commandTimeoutMs,
  };
  if ('url' in target) {
    return new Redis(target.url, {
      ...perConnection,
      lazyConnect: true,
      // Fail fast while disconnected (503 to clients) instead of queueing requests until Redis returns.
      enableOfflineQueue: false,
      retryStrategy: (times: number) => Math.min(50 * times, 1000),
      enableAutoPipelining: settings.autoPipelining ?? false,
    });
  }
  return new Cluster(target.clusterNodes, {
    lazyConnect: true,
    enableOfflineQueue: false,
    redisOptions: perConnection,
    clusterRetryStrategy: (times: number) => Math.min(50 * times, 1000),
    // A failover moves slots: ask again soon after MOVED / CLUSTERDOWN rather than failing at once.
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    retryDelayOnTryAgain: 100,
    // Masters only: reading a replica could miss a write just acknowledged (read-your-writes).
    scaleReads: 'master',
    enableAutoPipelining: settings.autoPipelining ?? false,
    autoPipeliningIgnoredCommands: settings.scripts ?? [],
  });
}

/** Every connection that holds keys: the masters of a cluster, or the one server. */
export function keyHolders(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}
