// Applies a batch of events to one read model in chunks, each chunk's writes
// together with the model's new checkpoint (one atomic ReadModelStore.apply).
// Shared by the live runner and by replay.
import { encodePosition, type RecordedEvent } from '../src/infra/eventstore/types.js';
import type { ReadModelStore, WriteOp } from '../src/infra/readstore/types.js';
import type { Projection } from './types.js';

export interface ModelCursor {
  projection: Projection;
  generation: number;
  /** Encoded position of the last event this model took into account ('' = none). */
  checkpoint: string;
}

/**
 * The event types these projections need opened (LogReadOptions.openOnly):
 * those they handle and do not keep sealed. Everything else the log delivers
 * still sealed. One read of the log feeds them all, so a type one keeps
 * sealed may not be one another needs open.
 */
export function typesToOpen(projections: readonly Projection[]): ReadonlySet<string> {
  const open = new Set<string>();
  for (const p of projections) for (const type of p.handles) if (!p.keepsSealed?.has(type)) open.add(type);
  for (const p of projections) {
    for (const type of p.keepsSealed ?? []) {
      if (open.has(type)) throw new Error(`${type} is kept sealed by ${p.name}, but another projection needs it open`);
    }
  }
  return open;
}

/** An event with its encoded position, computed once per batch. */
export interface Positioned {
  event: RecordedEvent;
  at: string;
}

export const positioned = (batch: RecordedEvent[]): Positioned[] =>
  batch.map((event) => ({ event, at: encodePosition(event.position) }));

/** Checkpoints only move forwards, whichever answer arrives last. */
export function adopt(cursor: ModelCursor, checkpoint: string): void {
  if (checkpoint > cursor.checkpoint) cursor.checkpoint = checkpoint;
}

/**
 * 'applied': the model has taken the batch into account; 'idle': none of the
 * batch's events concern this model (nothing written); 'moved': a replay
 * switched the model's generation (live writers must reload).
 */
export async function applyToModel(
  store: ReadModelStore,
  cursor: ModelCursor,
  batch: Positioned[],
  options: { requireCurrent: boolean; chunkSize: number },
): Promise<'applied' | 'idle' | 'moved'> {
  if (batch.length === 0) return 'idle';
  const batchEnd = batch[batch.length - 1]!.at;
  // One pass: the events this model handles that its checkpoint does not cover yet.
  const handled: Positioned[] = [];
  for (const p of batch) if (p.at > cursor.checkpoint && cursor.projection.handles.has(p.event.type)) handled.push(p);
  let i = 0;
  while (i < handled.length) {
    const chunk = handled.slice(i, i + options.chunkSize);
    const ops: WriteOp[] = [];
    for (const p of chunk) for (const op of cursor.projection.apply(p.event)) ops.push(op);
    // The last chunk also covers the foreign events after it in this batch.
    const next = i + chunk.length === handled.length ? batchEnd : chunk[chunk.length - 1]!.at;
    const outcome = await store.apply({
      model: cursor.projection.name,
      generation: cursor.generation,
      expected: cursor.checkpoint,
      next,
      ops,
      requireCurrent: options.requireCurrent,
    });
    switch (outcome.status) {
      case 'applied':
        cursor.checkpoint = next;
        break;
      case 'skipped': // applied before (a restart, or another instance got there first)
      case 'conflict': // another instance moved the checkpoint: continue after it
        // A stored checkpoint behind ours means the model was dropped or reset under us: reload.
        if (outcome.checkpoint < cursor.checkpoint) return 'moved';
        adopt(cursor, outcome.checkpoint);
        break;
      case 'moved':
        return 'moved';
    }
    while (i < handled.length && handled[i]!.at <= cursor.checkpoint) i += 1;
  }
  // Nothing of this model's was left to write: its checkpoint did not reach the batch's end.
  return cursor.checkpoint >= batchEnd ? 'applied' : 'idle';
}

/**
 * A replay's writes into its own new generation, sent without waiting for the
 * answers to the ones before: nobody else writes a generation before it is
 * switched to, so each chunk's expected checkpoint is the one the chunk before
 * it sets, and the read store works through one batch while the next is read
 * and encoded (Redis runs a connection's scripts in the order sent). The
 * cursor's checkpoint moves when a chunk is sent; any answer but 'applied'
 * means someone else wrote the generation, and the replay stops.
 * The batch must follow the cursor's checkpoint (a replay reads the log after
 * the last batch it sent), so no event is compared with it, and positions are
 * encoded only where a chunk ends, not once per event.
 */
export function sendAhead(store: ReadModelStore, cursor: ModelCursor, batch: readonly RecordedEvent[], chunkSize: number): Promise<void> {
  if (batch.length === 0) return Promise.resolve();
  const handled: RecordedEvent[] = [];
  for (const e of batch) if (cursor.projection.handles.has(e.type)) handled.push(e);
  const sent: Promise<void>[] = [];
  for (let i = 0; i < handled.length; i += chunkSize) {
    const chunk = handled.slice(i, i + chunkSize);
    const ops: WriteOp[] = [];
    for (const e of chunk) for (const op of cursor.projection.apply(e)) ops.push(op);
    // The last chunk also covers the foreign events after it in this batch.
    const next = encodePosition((i + chunk.length === handled.length ? batch[batch.length - 1]! : chunk[chunk.length - 1]!).position);
    if (next <= cursor.checkpoint) throw new Error(`replay of ${cursor.projection.name}: a batch at ${next} does not follow its checkpoint ${cursor.checkpoint}`);
    const request = { model: cursor.projection.name, generation: cursor.generation, expected: cursor.checkpoint, next, ops, requireCurrent: false };
    cursor.checkpoint = next;
    sent.push(
      store.apply(request).then((outcome) => {
        if (outcome.status !== 'applied') {
          const at = outcome.status === 'moved' ? `generation ${outcome.generation}` : `checkpoint ${outcome.checkpoint}`;
          throw new Error(`replay of ${request.model}: its generation ${request.generation} was written by someone else (${outcome.status}, ${at}; expected ${request.expected})`);
        }
      }),
    );
  }
  return Promise.all(sent).then(() => undefined);
}
