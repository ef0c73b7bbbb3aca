// npm run projector: the projection runner as its own process, for when
// several API instances share one event store and one Redis (start those with
// PROJECTIONS=off). Serves /health, /ready and /metrics on PORT.
import Fastify from 'fastify';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, redisTarget } from '../config.js';
import { openEventStore, openReadStore } from '../stores.js';
import { openPersonalData } from '../personal.js';
import { loggerOptions } from '../infra/logging.js';
import { healthRoutes } from '../infra/http/health.js';
import { createMetrics, instrumentEventStore, metricsPlugin } from '../infra/metrics.js';
import { ProjectionRunner } from '../../projections/runner.js';
import { allProjections } from '../../projections/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!redisTarget(config)) {
    throw new ConfigError('REDIS_URL', 'a separate projector needs Redis read models that the API processes share (REDIS_URL or REDIS_CLUSTER_NODES)');
  }
  const app = Fastify({ logger: loggerOptions(config.logLevel) });
  const metrics = createMetrics();
  const rawEventStore = await openEventStore(config);
  // The projections read personal fields opened (or erased) like the API's.
  const personal = await openPersonalData(config, rawEventStore);
  const eventStore = instrumentEventStore(personal.eventStore, metrics);
  const readStore = await openReadStore(config);
  const runner = new ProjectionRunner({ eventStore, readStore, projections: allProjections, log: app.log });
  const now = () => new Date();
  app.addHook('onClose', async () => {
    await runner.stop();
    await readStore.close();
    await personal.dataKeys.close();
    await rawEventStore.close();
  });
  await app.register(metricsPlugin, {
    metrics,
    eventStore,
    progress: runner,
    now,
    token: config.metricsToken,
    production: config.nodeEnv === 'production',
  });
  await app.register(healthRoutes, { services: { eventStore, readStore, now }, projections: runner });
  await runner.start();
  closeWithGrace({ delay: 10_000 }, async () => {
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info('projector running');
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : String(error);
  process.stderr.write(`projector failed: ${message}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
