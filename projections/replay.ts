// Replay: rebuilds every read model from the start of the log into a fresh
// generation of keys, then switches queries over in one atomic step, so nobody
// ever reads a half-built model. Live runners notice the switch ("moved") and
// continue on the new generation from its checkpoint.
import { encodePosition, type EventStore, type Position, type RecordedEvent } from '../src/infra/eventstore/types.js';
import type { ReadModelStore } from '../src/infra/readstore/types.js';
import { sendAhead, typesToOpen, type ModelCursor } from './apply.js';
import type { Projection } from './types.js';

export interface ReplayProgress {
  events: number;
  seconds: number;
  /** Position of the last event applied (with the log's head, how far along the replay is). */
  position?: Position;
}

export interface ReplayResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** model → the generation it was switched to. */
  generations: Record<string, number>;
}

export interface ReplayOptions {
  eventStore: EventStore;
  readStore: ReadModelStore;
  projections: Projection[];
  /** Events read per batch and written per atomic step. */
  batchSize?: number;
  onProgress?: (progress: ReplayProgress) => void;
  /** Keep the old generation this long after the switch (queries may still hold it), then drop it. */
  dropOldAfterMs?: number;
  /** Called after the switch, before the wait of dropOldAfterMs (so a person knows why nothing moves). */
  onGrace?: (ms: number) => void;
}

/** Applies the whole log, and then what was appended meanwhile, until a read finds nothing new. */
async function rebuild(
  options: ReplayOptions,
  cursors: ModelCursor[],
  report: (events: number, position: Position) => void,
): Promise<{ events: number; end: Position | undefined }> {
  const batchSize = options.batchSize ?? 1000;
  const openOnly = typesToOpen(options.projections);
  let events = 0;
  let after: Position | undefined;
  for (;;) {
    let batch: RecordedEvent[] = [];
    let readThisRound = 0;
    // Each batch is sent while the one before it may still be in the read store (sendAhead), and
    // the next is read meanwhile: the log, this process and the read store all work at once.
    // At most two batches are in flight (waiting for the one before the batch just sent; allowing
    // 4 or 8 measured no better on this machine), and they reach each model in log order.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const sent = batch;
      const last = batch[batch.length - 1]!.position;
      batch = [];
      const sending = Promise.all(cursors.map((c) => sendAhead(options.readStore, c, sent, batchSize)));
      const previous = writing;
      writing = Promise.all([previous, sending]).then(() => {
        after = last;
        events += sent.length;
        report(events, last);
      });
      // Nobody waits for a failed write until the next flush: keep its rejection from going unhandled.
      writing.catch(() => {});
      readThisRound += sent.length;
      await previous;
    };
    for await (const page of options.eventStore.readAllPages({ ...(after ? { after } : {}), openOnly })) {
      for (const event of page) {
        batch.push(event);
        if (batch.length >= batchSize) await flush();
      }
    }
    if (batch.length > 0) await flush();
    await writing;
    if (readThisRound === 0) return { events, end: after };
  }
}

export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const { readStore, projections } = options;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let lastReport = 0;
  let lastPosition: Position | undefined;
  const report = (events: number, position: Position) => {
    lastPosition = position;
    if (performance.now() - lastReport < 200) return;
    lastReport = performance.now();
    options.onProgress?.({ events, seconds: elapsed(), position });
  };

  const cursors: ModelCursor[] = [];
  for (const projection of projections) {
    const generation = await readStore.newGeneration(projection.name);
    cursors.push({ projection, generation, checkpoint: '' });
  }
  const switched = new Set<string>();
  try {
    const { events, end } = await rebuild(options, cursors, report);
    // A model none of whose events came still records that it has seen the whole log.
    if (end) {
      const last = encodePosition(end);
      for (const c of cursors.filter((c) => c.checkpoint < last)) {
        await readStore.apply({
          model: c.projection.name,
          generation: c.generation,
          expected: c.checkpoint,
          next: last,
          ops: [],
          requireCurrent: false,
        });
        c.checkpoint = last;
      }
    }

    const generations: Record<string, number> = {};
    const old: [string, number][] = [];
    for (const c of cursors) {
      const name = c.projection.name;
      const from = await readStore.currentGeneration(name);
      if (!(await readStore.switchGeneration(name, from, c.generation))) {
        throw new Error(`another replay switched ${name} first; run it again`);
      }
      switched.add(name);
      generations[name] = c.generation;
      old.push([name, from]);
    }
    // The rate covers the rebuild and the switch: the grace period for queries still reading the
    // old generation, and dropping it, are housekeeping after the new models serve.
    const seconds = elapsed();
    options.onProgress?.({ events, seconds, ...(lastPosition ? { position: lastPosition } : {}) });
    const grace = options.dropOldAfterMs ?? 0;
    options.onGrace?.(grace);
    if (grace > 0) await new Promise((r) => setTimeout(r, grace));
    for (const [name, generation] of old) await readStore.dropGeneration(name, generation);

    return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : events, generations };
  } catch (error) {
    // Leave nothing half-built behind; generations already switched to are complete and stay.
    for (const c of cursors.filter((c) => !switched.has(c.projection.name))) {
      await readStore.dropGeneration(c.projection.name, c.generation).catch(() => {});
    }
    throw error;
  }
}
