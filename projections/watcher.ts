// Read-your-writes for an API process that does not run the projections
// itself (PROJECTIONS=off; `npm run projector` runs them elsewhere): waits
// until the read models that care about a write have checkpoints at or past it.
import { decodePosition, encodePosition, type EventStore, type Position } from '../src/infra/eventstore/types.js';
import type { ReadModelStore } from '../src/infra/readstore/types.js';
import type { Projection } from './types.js';

/** Beyond this many unapplied events, every model counts as concerned (no need to look closer). */
const SCAN_LIMIT = 1000;

/** Only the types matter here: no event need be opened. */
const NOTHING_OPENED: ReadonlySet<string> = new Set();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class CheckpointWatcher {
  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadModelStore,
    private readonly projections: Projection[],
    private readonly pollMs = 5,
  ) {}

  private async checkpoints(): Promise<string[]> {
    return Promise.all(
      this.projections.map(async (p) =>
        this.readStore.checkpoint(p.name, await this.readStore.currentGeneration(p.name)),
      ),
    );
  }

  /** The lowest checkpoint of all read models: everything up to it is applied everywhere. */
  async position(): Promise<Position | null> {
    const lowest = (await this.checkpoints()).reduce((a, b) => (b < a ? b : a));
    return lowest === '' ? null : decodePosition(lowest);
  }

  /** Resolves true once every read model that handles an event up to `position` has applied it. */
  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const target = encodePosition(position);
    const deadline = Date.now() + timeoutMs;
    let waiting = await this.concerned(position, await this.checkpoints());
    while (waiting.length > 0) {
      if (Date.now() >= deadline) return false;
      await sleep(this.pollMs);
      const checkpoints = await this.checkpoints();
      waiting = waiting.filter((i) => checkpoints[i]! < target);
    }
    return true;
  }

  /** Indexes of the models that handle some event between their checkpoint and `position`. */
  private async concerned(position: Position, checkpoints: string[]): Promise<number[]> {
    const target = encodePosition(position);
    const behind = checkpoints.flatMap((c, i) => (c < target ? [i] : []));
    if (behind.length === 0) return [];
    const lowest = behind.map((i) => checkpoints[i]!).reduce((a, b) => (b < a ? b : a));
    const types: { at: string; type: string }[] = [];
    for await (const e of this.eventStore.readAll({
      ...(lowest === '' ? {} : { after: decodePosition(lowest) }),
      maxCount: SCAN_LIMIT,
      openOnly: NOTHING_OPENED,
    })) {
      const at = encodePosition(e.position);
      if (at > target) break;
      types.push({ at, type: e.type });
    }
    const complete = types.length < SCAN_LIMIT || types[types.length - 1]!.at >= target;
    if (!complete) return behind;
    return behind.filter((i) =>
      types.some((e) => e.at > checkpoints[i]! && this.projections[i]!.handles.has(e.type)),
    );
  }
}
