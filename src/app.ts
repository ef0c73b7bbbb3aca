// Builds the service: stores chosen by configuration, the projection runner,
// and the Fastify app with every family's routes. server.ts only listens.
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import { openEmbeddedEventStore } from './infra/eventstore/embedded.js';
import { encodePosition, type EventStore } from './infra/eventstore/types.js';
import { createMemoryReadStore } from './infra/readstore/memory.js';
import { openRedisReadStore } from './infra/readstore/redis.js';
import type { ReadModelStore } from './infra/readstore/types.js';
import { createPasswords } from './infra/passwords.js';
import { createKeyedHash } from './infra/secrets.js';
import { createMailer } from './infra/mail.js';
import type { Services } from './infra/services.js';
import { lazyChildLogger, loggerOptions } from './infra/logging.js';
import { clientErrorHandler, frameworkErrors, httpShell } from './infra/http/shell.js';
import { sharedSchemas } from './infra/http/schemas.js';
import { healthRoutes, type ProjectionStatus } from './infra/http/health.js';
import { createMetrics, instrumentEventStore, metricsPlugin } from './infra/metrics.js';
import { openApi } from './infra/http/openapi.js';
import { authPlugin } from './infra/auth.js';
import { ProjectionRunner } from '../projections/runner.js';
import { allProjections } from '../projections/index.js';
import { CheckpointWatcher } from '../projections/watcher.js';
import { aeUserRoutes } from './users/routes-ae.js';
import { authRateLimit } from './infra/ratelimit.js';
import { aUserRoutes } from './users/routes-a.js';
import { bUserRoutes } from './users/routes-b.js';
import { cUserRoutes } from './users/routes-c.js';
import { dUserRoutes } from './users/routes-d.js';
import { productRoutes } from './products/routes-ae.js';
import { orderRoutes } from './orders/routes-a.js';
import { dataRoutes } from './data/routes-d.js';

/** Request bodies above this are refused with 413 (API-CONTRACT.md). */
export const BODY_LIMIT = 96 * 1024;

export interface AppOptions {
  config: Config;
  /** Stores opened by the caller (tests share one between app instances); closed by the caller. */
  eventStore?: EventStore;
  readStore?: ReadModelStore;
  /** Where log lines go (tests capture them); stdout otherwise. */
  logStream?: DestinationStream;
  now?: () => Date;
}

export async function openEventStore(config: Config): Promise<EventStore> {
  if (!config.eventStoreUrl) return openEmbeddedEventStore({ dir: join(config.dataDir, 'events') });
  // Loaded only when selected: the embedded default never pays for gRPC.
  const { openEventStoreDb } = await import('./infra/eventstore/esdb.js');
  return openEventStoreDb(config.eventStoreUrl);
}

export async function openReadStore(config: Config): Promise<ReadModelStore> {
  return config.redisUrl || config.redisClusterNodes
    ? openRedisReadStore({ url: config.redisUrl, clusterNodes: config.redisClusterNodes, prefix: config.redisKeyPrefix })
    : createMemoryReadStore();
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    childLoggerFactory: lazyChildLogger,
    bodyLimit: BODY_LIMIT,
    // D's keys are up to 256 characters, and they travel in the path.
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors,
    clientErrorHandler,
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ownsStores = !options.eventStore;
  const metrics = createMetrics();
  const rawEventStore = options.eventStore ?? (await openEventStore(config));
  const eventStore = instrumentEventStore(rawEventStore, metrics);
  let readStore: ReadModelStore;
  try {
    readStore = options.readStore ?? (await openReadStore(config));
  } catch (error) {
    if (ownsStores) await rawEventStore.close();
    throw error;
  }

  // Either this process applies the projections, or another one does (`npm run projector`)
  // and this one only watches the checkpoints to let clients read their own writes.
  const runner =
    config.projections === 'inline'
      ? new ProjectionRunner({ eventStore, readStore, projections: allProjections, log: app.log })
      : null;
  runner?.onApplied((events) => {
    if (!runner.isCaughtUp) return;
    const now = Date.now();
    for (const e of events) metrics.projectionDelaySeconds.observe((now - e.created.getTime()) / 1000);
  });
  const watcher = runner ? null : new CheckpointWatcher(eventStore, readStore, allProjections);
  const projections: ProjectionStatus = runner ?? {
    isCaughtUp: true,
    error: null,
    position: () => watcher!.position(),
  };

  const services: Services = {
    config,
    eventStore,
    readStore,
    passwords: createPasswords(config.argon2),
    keyedHash: createKeyedHash(config.otpSecret),
    mailer: createMailer(config, app.log),
    log: app.log,
    now: options.now ?? (() => new Date()),
    async settle(position) {
      if (!position) return;
      // The write is durable already: failing to see it in the read models never turns its answer into an error.
      const shown = await (runner ?? watcher!).waitFor(position, config.readYourWritesTimeoutMs).catch(() => false);
      if (!shown) app.log.warn({ position: encodePosition(position) }, 'read models did not show a write in time');
    },
  };

  app.addHook('onClose', async () => {
    await runner?.stop();
    services.mailer.close();
    if (!options.readStore) await readStore.close();
    if (ownsStores) await rawEventStore.close();
  });

  try {
    for (const schema of sharedSchemas) app.addSchema(schema);
    await app.register(httpShell);
    await app.register(openApi);
    await app.register(authPlugin, { services });
    await app.register(metricsPlugin, { metrics, eventStore, progress: projections, now: services.now });
    await app.register(healthRoutes, { services, projections });
    await app.register(authRateLimit, { services });
    await app.register(aeUserRoutes, { services });
    await app.register(aUserRoutes, { services });
    await app.register(bUserRoutes, { services });
    await app.register(cUserRoutes, { services });
    await app.register(dUserRoutes, { services });
    await app.register(productRoutes, { services });
    await app.register(orderRoutes, { services });
    await app.register(dataRoutes, { services });

    if (runner) {
      const started = Date.now();
      await runner.start();
      const position = await runner.position();
      app.log.info({ ms: Date.now() - started, position: position && encodePosition(position) }, 'read models caught up');
    }
    await app.ready();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
