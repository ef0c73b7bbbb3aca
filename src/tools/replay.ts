// npm run replay: rebuild every read model from the start of the log and
// switch queries over atomically (see projections/replay.ts). Shows progress
// on a terminal and prints events per second at the end.
import { ConfigError, loadConfig } from '../config.js';
import { openEventStore, openReadStore } from '../app.js';
import { openPersonalData } from '../personal.js';
import { allProjections } from '../../projections/index.js';
import { replay } from '../../projections/replay.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const raw = await openEventStore(config);
  // Erased accounts replay as erased: the same read models as the live ones.
  const personal = await openPersonalData(config, raw);
  const eventStore = personal.eventStore;
  const readStore = await openReadStore(config);
  const tty = process.stderr.isTTY;
  try {
    if (readStore.kind === 'memory') {
      process.stdout.write(
        'REDIS_URL is not set: the service keeps its read models in process and rebuilds them from the log at every start.\n' +
          'Replaying into a throwaway in-process store to check the projections and measure the rate.\n',
      );
    }
    const head = await eventStore.headPosition();
    const result = await replay({
      eventStore,
      readStore,
      projections: allProjections,
      dropOldAfterMs: readStore.kind === 'redis' ? 5000 : 0,
      onProgress: ({ events, seconds }) => {
        if (!tty) return;
        const rate = seconds > 0 ? Math.round(events / seconds) : 0;
        process.stderr.write(`\rreplaying: ${events} events, ${rate} events/s   `);
      },
    });
    if (tty) process.stderr.write('\n');
    const models = Object.entries(result.generations)
      .map(([m, g]) => `${m}→${g}`)
      .join(', ');
    process.stdout.write(
      `replayed ${result.events} events in ${result.seconds.toFixed(2)} s: ${Math.round(result.eventsPerSecond)} events/s` +
        ` (log head ${head ? head.commit : 'empty'}; generations ${models})\n`,
    );
  } finally {
    await readStore.close();
    await personal.dataKeys.close();
    await eventStore.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : String(error);
  process.stderr.write(`replay failed: ${message}\n`);
  process.exit(1);
});
