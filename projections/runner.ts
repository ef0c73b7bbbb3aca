// The projection runner: one subscription to the log from the lowest
// checkpoint of its projections; each batch of events is mapped by every
// projection and applied to its read model together with the projection's new
// checkpoint in one atomic step. A stored checkpoint at or past an event means
// "already applied" (after a crash, or by another instance), so nothing is
// ever applied twice or skipped.
import type { FastifyBaseLogger } from 'fastify';
import {
  START,
  comparePositions,
  decodePosition,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '../src/infra/eventstore/types.js';
import { ReadStoreUnavailableError, type ReadModelStore } from '../src/infra/readstore/types.js';
import type { Projection } from './types.js';
import type { ProjectionStatus } from '../src/infra/projection-status.js';
import { adopt, applyToModel, positioned, typesToOpen, type ModelCursor } from './apply.js';

export interface RunnerOptions {
  eventStore: EventStore;
  readStore: ReadModelStore;
  projections: Projection[];
  log: FastifyBaseLogger;
  /** Events per atomic write; bounds the size of one Redis script call. */
  chunkSize?: number;
  /** How often a projection that saw only foreign events records its progress. */
  idleCheckpointMs?: number;
}

interface ProjectionState extends ModelCursor {
  /** Set when events passed that this projection does not handle, and not yet recorded. */
  idleUpTo: string | null;
}

interface Waiter {
  position: Position;
  resolve(ok: boolean): void;
  timer: NodeJS.Timeout;
}

/** Thrown inside the loop when a replay switched a generation under us: start over from checkpoints. */
class Resubscribe extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ProjectionRunner implements ProjectionStatus {
  private readonly states: ProjectionState[];
  private readonly chunkSize: number;
  /** The types the projections need opened; the rest stays sealed (nothing decrypted for nothing). */
  private readonly openOnly: ReadonlySet<string>;
  private readonly idleCheckpointMs: number;
  private processed: Position = START;
  private waiters: Waiter[] = [];
  private listeners: ((events: RecordedEvent[]) => void)[] = [];
  private stopped = false;
  private subscription: { close(): Promise<void> } | null = null;
  private loop: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private caughtUp = false;
  private lastError: string | null = null;
  /** While the read store is down, nobody waits for it: commands answer at once (their writes are durable). */
  private readStoreDown = false;

  constructor(private readonly options: RunnerOptions) {
    this.states = options.projections.map((projection) => ({
      projection,
      generation: 1,
      checkpoint: '',
      idleUpTo: null,
    }));
    this.openOnly = typesToOpen(options.projections);
    this.chunkSize = options.chunkSize ?? 500;
    this.idleCheckpointMs = options.idleCheckpointMs ?? 1000;
  }

  /** Position up to which every projection has applied the log (null before the first event). */
  async position(): Promise<Position | null> {
    return this.processed === START ? null : this.processed;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  get error(): string | null {
    return this.lastError;
  }

  /** Called with every batch once all read models have applied it (e.g. to drop cached sessions). */
  onApplied(listener: (events: RecordedEvent[]) => void): void {
    this.listeners.push(listener);
  }

  /** Starts the loop; resolves once the read models have caught up with the log as it was at the call. */
  async start(): Promise<void> {
    const head = await this.options.eventStore.headPosition();
    const caughtUp = head ? this.waitFor(head, Number.POSITIVE_INFINITY) : Promise.resolve(true);
    this.loop = this.run();
    this.idleTimer = setInterval(() => void this.recordIdleProgress(), this.idleCheckpointMs);
    this.idleTimer.unref();
    await Promise.race([caughtUp, this.loop]);
    this.caughtUp = true;
  }

  /** Resolves true once the read models show `position`, false after timeoutMs. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (comparePositions(this.processed, position) >= 0) return Promise.resolve(true);
    if (this.readStoreDown) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, Math.min(timeoutMs, 2 ** 31 - 1)),
      };
      if (!Number.isFinite(timeoutMs)) clearTimeout(waiter.timer);
      this.waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.idleTimer) clearInterval(this.idleTimer);
    await this.subscription?.close();
    await this.loop?.catch(() => {});
    await this.recordIdleProgress().catch(() => {});
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
    this.waiters = [];
  }

  private async loadCheckpoints(): Promise<Position> {
    let from: Position | null = null;
    for (const s of this.states) {
      s.generation = await this.options.readStore.currentGeneration(s.projection.name);
      s.checkpoint = await this.options.readStore.checkpoint(s.projection.name, s.generation);
      s.idleUpTo = null;
      const p = s.checkpoint === '' ? START : decodePosition(s.checkpoint);
      if (from === null || comparePositions(p, from) < 0) from = p;
    }
    return from ?? START;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const from = await this.loadCheckpoints();
        if (comparePositions(from, this.processed) > 0) this.advance(from, []);
        const subscription = this.options.eventStore.subscribe({ ...(from === START ? {} : { after: from }), openOnly: this.openOnly });
        this.subscription = subscription;
        if (this.stopped) await subscription.close();
        for await (const batch of subscription) {
          await this.applyBatch(batch);
          failures = 0;
          this.readStoreDown = false;
          if (this.lastError) this.options.log.info('projections recovered');
          this.lastError = null;
        }
        if (!this.stopped) throw new Error('subscription ended');
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof ReadStoreUnavailableError) this.markReadStoreDown();
        if (!(error instanceof Resubscribe)) {
          failures += 1;
          const message = (error as Error).message;
          if (this.lastError !== message) this.options.log.warn({ err: error }, 'projections paused, retrying');
          this.lastError = message;
          await sleep(Math.min(100 * 2 ** Math.min(failures, 5), 3000));
        }
        await this.subscription?.close().catch(() => {});
      }
    }
  }

  /** Applies one batch to every projection, retrying while the read store is unavailable. */
  private async applyBatch(batch: RecordedEvent[]): Promise<void> {
    if (batch.length === 0) return;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const items = positioned(batch);
        const outcomes = await Promise.all(
          this.states.map((s) =>
            applyToModel(this.options.readStore, s, items, { requireCurrent: true, chunkSize: this.chunkSize }),
          ),
        );
        if (outcomes.includes('moved')) throw new Resubscribe();
        const end = items[items.length - 1]!.at;
        outcomes.forEach((o, i) => {
          const s = this.states[i]!;
          s.idleUpTo = o === 'idle' && end > s.checkpoint ? end : null;
        });
        break;
      } catch (error) {
        if (!(error instanceof ReadStoreUnavailableError) || this.stopped) throw error;
        this.markReadStoreDown();
        const message = error.message;
        if (this.lastError !== message) this.options.log.warn({ err: error }, 'read store unavailable, retrying');
        this.lastError = message;
        await sleep(Math.min(50 * 2 ** Math.min(attempt, 5), 2000));
      }
    }
    this.advance(batch[batch.length - 1]!.position, batch);
  }

  /** Records the progress of projections that only saw foreign events, so a restart need not re-read them. */
  private async recordIdleProgress(): Promise<void> {
    for (const s of this.states) {
      const upTo = s.idleUpTo;
      if (upTo === null || upTo <= s.checkpoint) continue;
      try {
        const outcome = await this.options.readStore.apply({
          model: s.projection.name,
          generation: s.generation,
          expected: s.checkpoint,
          next: upTo,
          ops: [],
          requireCurrent: true,
        });
        if (outcome.status === 'applied') adopt(s, upTo);
        else if (outcome.status !== 'moved') adopt(s, outcome.checkpoint);
        if (s.idleUpTo === upTo) s.idleUpTo = null;
      } catch {
        // Only progress bookkeeping: the next tick tries again.
      }
    }
  }

  private markReadStoreDown(): void {
    this.readStoreDown = true;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
    this.waiters = [];
  }

  private advance(position: Position, events: RecordedEvent[]): void {
    this.processed = position;
    if (events.length > 0) for (const l of this.listeners) l(events);
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (comparePositions(w.position, position) <= 0) {
        clearTimeout(w.timer);
        w.resolve(true);
      } else still.push(w);
    }
    this.waiters = still;
  }
}
