// What the hostile account scenarios share: distinctive secrets, and two
// instances on one log, one Redis and one mail server. The scenarios live in
// the test files that run them (test/security/enumeration, authorisation,
// brute-force, account-budgets, reset-codes).
import type { Test } from 'tap';
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { build, REDIS_URL, tempDir } from './app.js';
import { deletePrefix } from './redis-cleanup.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';

/** A distinctive secret: easy to find if it ever leaks, impossible to find by accident. */
export const secret = (what: string) => `${what}-${randomBytes(9).toString('base64url')}`;

// ---------------------------------------------------------------- two instances

export interface InstancesSharingRedis {
  /** Two app instances on one event log, one Redis (read models and rate-limit counters) and one mail server. */
  apps: [FastifyInstance, FastifyInstance];
  sink: SmtpSink;
  eventStore: EventStore;
}

/** Two instances as production runs them: one event store, one Redis prefix, one SMTP server, the same secrets. */
export async function instancesSharingRedis(t: Test, env: Record<string, string>): Promise<InstancesSharingRedis> {
  const sink = await smtpSink(t);
  const prefix = `test:${randomUUID()}:`;
  const dataDir = tempDir(t);
  const eventStore = await openEmbeddedEventStore({ dir: join(dataDir, 'events') });
  const stores = [await openRedisReadStore({ url: REDIS_URL, prefix }), await openRedisReadStore({ url: REDIS_URL, prefix })];
  t.teardown(async () => {
    for (const s of stores) await s.close();
    await eventStore.close();
    await deletePrefix(REDIS_URL, prefix);
  });
  const shared = { SMTP_URL: sink.url, REDIS_URL, REDIS_KEY_PREFIX: prefix, ...env };
  // One DATA_DIR: both read the same generated JWT and OTP secrets, as a deployment shares them.
  const one = await build(t, { dataDir, eventStore, readStore: stores[0]!, env: shared });
  const two = await build(t, { dataDir, eventStore, readStore: stores[1]!, env: shared });
  return { apps: [one.app, two.app], sink, eventStore };
}
