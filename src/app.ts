// Builds the service: stores chosen by configuration, the projection runner,
// and the Fastify app with every family's routes. server.ts only listens.
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import { encodePosition, type EventStore } from './infra/eventstore/types.js';
import { openEventStore, openServiceReadStore } from './stores.js';
import type { ReadModelStore } from './infra/readstore/types.js';
import { createPasswords } from './infra/passwords.js';
import { createKeyedHash } from './infra/secrets.js';
import { createMailer } from './infra/mail.js';
import type { Services } from './infra/services.js';
import { lazyChildLogger, loggerOptions, requestId } from './infra/logging.js';
import { clientErrorHandler, frameworkErrors, httpShell, LaterCompiles } from './infra/http/shell.js';
import { securityPlugin } from './infra/http/security.js';
import { sharedSchemas } from './infra/http/schemas.js';
import { healthRoutes } from './infra/http/health.js';
import type { ProjectionStatus } from './infra/projection-status.js';
import { createMetrics, instrumentEventStore, metricsPlugin } from './infra/metrics.js';
import { openApi } from './infra/http/openapi.js';
import { authPlugin } from './infra/auth.js';
import { ProjectionRunner } from '../projections/runner.js';
import { allProjections } from '../projections/index.js';
import { CheckpointWatcher } from '../projections/watcher.js';
import { aeUserRoutes } from './users/routes-ae.js';
import { authRateLimit, openLimits } from './infra/ratelimit.js';
import { aUserRoutes } from './users/routes-a.js';
import { bUserRoutes } from './users/routes-b.js';
import { cUserRoutes } from './users/routes-c.js';
import { dUserRoutes } from './users/routes-d.js';
import { productRoutes } from './products/routes-ae.js';
import { orderRoutes } from './orders/routes-a.js';
import { dataRoutes } from './data/routes-d.js';
import { openPersonalData } from './personal.js';
import { SESSION_SECONDS } from './users/events.js';
import { sessionLiveness } from './users/sign-in.js';
import { SESSION_PURPOSE } from './users/tokens.js';
import { withRequestMetadata } from './infra/request-context.js';
import { adminAuditRoutes } from './audit/routes.js';
import type { KeyBackend } from './infra/keystore/types.js';

/** Request bodies above this are refused with 413 (API-CONTRACT.md). */
export const BODY_LIMIT = 96 * 1024;

export interface AppOptions {
  config: Config;
  /** Stores opened by the caller (tests share one between app instances); closed by the caller. */
  eventStore?: EventStore;
  readStore?: ReadModelStore;
  /** The configured stores, which the caller began opening (the server, while the modules load); closed by the app. */
  opening?: { eventStore: Promise<EventStore>; readStore: Promise<ReadModelStore> };
  /** The data keys' backend (tests share one between app instances); closed by the caller. */
  keyBackend?: KeyBackend;
  /** Where log lines go (tests capture them); stdout otherwise. */
  logStream?: DestinationStream;
  now?: () => Date;
}

/** How often Node looks for requests over their time bound: a tenth of the bound, between 50 ms and 2 s. */
export const connectionsCheckingInterval = (requestTimeoutMs: number) =>
  Math.min(2000, Math.max(50, Math.floor(requestTimeoutMs / 10)));

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const later = new LaterCompiles();
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    childLoggerFactory: lazyChildLogger,
    bodyLimit: BODY_LIMIT,
    // D's keys are up to 256 characters, and they travel in the path.
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors,
    clientErrorHandler,
    // Route schemas compiled at their first use (or in the background once ready), not before listening.
    schemaController: later.schemaController,
    // The client's X-Request-Id only when short and plain (it lands in every log line); else a new one.
    requestIdHeader: false,
    genReqId: requestId,
    // request.ip is the client behind these proxies only (TRUST_PROXY); none by default.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    return503OnClosing: true,
    // Slow clients: a request must arrive whole within the bound (else 408 and the connection closes),
    // an idle keep-alive connection closes, and open connections are capped (below).
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      // Node checks the two bounds above only this often (30 s by default, which would double the bound).
      connectionsCheckingInterval: connectionsCheckingInterval(config.requestTimeoutMs),
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Over the cap, Node closes a new connection as soon as it is accepted.
  app.server.maxConnections = config.maxConnections;

  const ownsStores = !options.eventStore;
  const metrics = createMetrics();
  const rawEventStore = options.eventStore ?? (await (options.opening?.eventStore ?? openEventStore(config)));
  let readStore: ReadModelStore;
  let personal;
  try {
    // Personal fields are sealed under their account's key on the way in and opened on the way out.
    personal = await openPersonalData(config, rawEventStore, options.keyBackend);
    readStore = options.readStore ?? (await (options.opening?.readStore ?? openServiceReadStore(config)));
  } catch (error) {
    if (personal && !options.keyBackend) await personal.dataKeys.close();
    if (ownsStores) await rawEventStore.close();
    throw error;
  }
  const now = options.now ?? (() => new Date());
  let limits;
  try {
    limits = await openLimits(config, now);
  } catch (error) {
    if (!options.readStore) await readStore.close();
    if (!options.keyBackend) await personal.dataKeys.close();
    if (ownsStores) await rawEventStore.close();
    throw error;
  }
  const { dataKeys } = personal;
  const eventStore = instrumentEventStore(withRequestMetadata(personal.eventStore, personal.dataKeys), metrics);

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
    keyedHash: createKeyedHash(config.otpSecret, [SESSION_PURPOSE]),
    names: personal.names,
    dataKeys,
    mailer: createMailer(config, app.log),
    limits,
    log: app.log,
    now,
    async settle(position) {
      if (!position) return;
      // The write is durable already: failing to see it in the read models never turns its answer into an error.
      const shown = await (runner ?? watcher!).waitFor(position, config.readYourWritesTimeoutMs).catch(() => false);
      if (shown) await readStore.synced?.().catch(() => undefined); // another instance may have made the write: its invalidation first
      if (!shown) app.log.warn({ position: encodePosition(position) }, 'read models did not show a write in time');
    },
  };

  app.addHook('onClose', async () => {
    await runner?.stop();
    services.mailer.close();
    await limits.close();
    if (!options.readStore) await readStore.close();
    if (options.keyBackend) await dataKeys.drain();
    else await dataKeys.close();
    if (ownsStores) await rawEventStore.close();
  });

  try {
    for (const schema of sharedSchemas) app.addSchema(schema);
    await app.register(httpShell, { later });
    await app.register(securityPlugin, { corsOrigins: config.corsOrigins });
    await app.register(openApi);
    await app.register(authPlugin, { services, tokenSeconds: SESSION_SECONDS, sessionIsLive: sessionLiveness(services) });
    await app.register(metricsPlugin, {
      metrics,
      eventStore,
      progress: projections,
      now: services.now,
      token: config.metricsToken,
      production: config.nodeEnv === 'production',
    });
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
    // The operators' audit: absent unless ADMIN_TOKEN is set.
    if (config.adminToken) await app.register(adminAuditRoutes, { services, token: config.adminToken });

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
