// npm run replay: rebuild every read model from the start of the log and
// switch queries over atomically (see projections/replay.ts). On a terminal a
// progress bar (total, percentage, rate, time left); otherwise a plain line
// every few seconds. The last line gives the real wall time, and how long of it
// was the grace wait before the old generation is dropped (REPLAY_GRACE_MS).
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../config.js';
import { openEventStore, openReadStore } from '../stores.js';
import type { Position } from '../infra/eventstore/types.js';
import { openPersonalData } from '../personal.js';
import { allProjections } from '../../projections/index.js';
import { replay, type ReplayProgress } from '../../projections/replay.js';

/** Plain lines at most this often when stderr is not a terminal (CI logs, pipes). */
const PLAIN_EVERY_MS = 2000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function eta(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
}

/**
 * How far along the log a replay is. Positions grow through the log: the
 * embedded store numbers its events 1, 2, 3…, so its head is the exact total;
 * EventStoreDB's positions are byte offsets, so the total is estimated from
 * the share done so far.
 */
function progressOf(p: ReplayProgress, head: Position | null, exactTotal: boolean) {
  const done = p.position && head && head.commit > 0n ? Math.min(1, Number(p.position.commit) / Number(head.commit)) : p.events > 0 ? 1 : 0;
  const total = head ? (exactTotal ? Number(head.commit) : done > 0 ? Math.round(p.events / done) : 0) : 0;
  const rate = p.seconds > 0 ? p.events / p.seconds : 0;
  const left = done > 0 && done < 1 ? (p.seconds / done) * (1 - done) : 0;
  return { done, total: Math.max(total, p.events), rate, left };
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const raw = await openEventStore(config);
  // Erased accounts replay as erased: the same read models as the live ones.
  const personal = await openPersonalData(config, raw);
  const eventStore = personal.eventStore;
  const readStore = await openReadStore(config);
  const tty = process.stderr.isTTY === true;
  try {
    if (readStore.kind === 'memory') {
      process.stdout.write(
        'REDIS_URL is not set: the service keeps its read models in process and rebuilds them from the log at every start.\n' +
          'Replaying into a throwaway in-process store to check the projections and measure the rate.\n',
      );
    }
    const head = await eventStore.headPosition();
    const exact = eventStore.kind === 'embedded';
    const totalLabel = (total: number) => `${exact ? '' : '~'}${total}`;

    // The bar counts in thousandths of the log (positions are not event counts in EventStoreDB).
    const bar = tty
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'replaying |{bar}| {percentage}% | {events} of {totalEvents} events | {rate} events/s | {left} left',
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    bar?.start(1000, 0, { events: 0, totalEvents: totalLabel(head ? Number(head.commit) : 0), rate: 0, left: '?' });
    let lastPlain = performance.now();
    let lastProgress: ReplayProgress = { events: 0, seconds: 0 };

    const graceMs = readStore.kind === 'redis' ? config.replayGraceMs : 0;
    const result = await replay({
      eventStore,
      readStore,
      projections: allProjections,
      dropOldAfterMs: graceMs,
      onProgress: (p) => {
        lastProgress = p;
        const { done, total, rate, left } = progressOf(p, head, exact);
        if (bar) {
          bar.update(Math.round(done * 1000), { events: p.events, totalEvents: totalLabel(total), rate: Math.round(rate), left: eta(left) });
        } else if (performance.now() - lastPlain >= PLAIN_EVERY_MS) {
          lastPlain = performance.now();
          process.stderr.write(
            `replaying: ${p.events} of ${totalLabel(total)} events (${Math.round(done * 100)}%), ${Math.round(rate)} events/s, about ${eta(left)} left\n`,
          );
        }
      },
      onGrace: (ms) => {
        bar?.update(1000);
        bar?.stop();
        if (!bar) process.stderr.write(`replaying: ${lastProgress.events} events (100%), switched\n`);
        if (ms > 0) {
          process.stderr.write(
            `switched to the new read models; keeping the old ones ${seconds(ms)} for queries still reading them (REPLAY_GRACE_MS), then dropping them\n`,
          );
        }
      },
    });
    const models = Object.entries(result.generations)
      .map(([m, g]) => `${m}→${g}`)
      .join(', ');
    const wall = performance.now() - started;
    process.stdout.write(
      `replayed ${result.events} events in ${result.seconds.toFixed(2)} s: ${Math.round(result.eventsPerSecond)} events/s` +
        ` (log head ${head ? head.commit : 'empty'}; generations ${models})\n` +
        `took ${seconds(wall)} in all, of which ${seconds(graceMs)} was the grace wait before dropping the old generations` +
        ` (REPLAY_GRACE_MS${readStore.kind === 'redis' ? '' : '; none without Redis'})\n`,
    );
  } finally {
    await readStore.close();
    await personal.dataKeys.close();
    await eventStore.close();
  }
}

main().catch((error: unknown) => {
  const config = error instanceof ConfigError;
  process.stderr.write(`replay failed: ${config ? `configuration error: ${error.message}` : String(error)}\n`);
  process.exit(config ? 78 : 1);
});
