// Entry point: read configuration, build, listen, close with grace on signals.
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.js';
import { openEventStore, openServiceReadStore } from './stores.js';
import { backgroundThreadPool } from './infra/priority.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // V8's compiled code for the modules loaded from here on (the app's, most of them) is kept
  // between starts under DATA_DIR (NODE_COMPILE_CACHE, if set, is used instead; with
  // NODE_DISABLE_COMPILE_CACHE=1 nothing is kept): a start compiles less. Where the directory
  // cannot be written, nothing is cached and nothing fails.
  enableCompileCache(join(config.dataDir, 'compile-cache'));
  // The stores open (the embedded event store starts its writer thread, a snapshot of the read
  // models is read) while the rest of the service loads.
  const opening = { eventStore: openEventStore(config), readStore: openServiceReadStore(config) };
  // buildApp awaits both, and fails with the first error.
  opening.eventStore.catch(() => undefined);
  opening.readStore.catch(() => undefined);
  // Lowered once the read store is open: at background priority, the pool's read of a snapshot
  // would wait behind the loading of modules.
  const lowering = opening.readStore.then(() => backgroundThreadPool(), () => 0);
  const { buildApp } = await import('./app.js');
  const app = await buildApp({ config, opening });
  app.log.info({ threads: await lowering }, "libuv's thread pool (argon2) at background priority");
  // In-flight requests finish, then the runner stops and the stores close.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal }, 'closing');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
