// Compares the read models the service built with a fresh replay of its event
// log into an empty in-process store: after any fault they must be equal
// (no event applied twice, none skipped, nothing half-applied).
import { allProjections } from '../../projections/index.js';
import { replay } from '../../projections/replay.js';
import type { Test } from 'tap';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import type { ReadModelStore } from '../../src/infra/readstore/types.js';

export interface ModelComparison {
  model: string;
  keys: number;
  /** Keys whose values differ, or that only one side has. */
  differences: string[];
}

/**
 * A value as comparable text: a hash's fields in sorted order. Redis answers
 * HGETALL in insertion order for small hashes but in no order once a field
 * outgrows the compact encoding (a value over 64 bytes), so order means nothing.
 */
function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return JSON.stringify(value);
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export async function compareWithReplay(eventStore: EventStore, readStore: ReadModelStore): Promise<ModelComparison[]> {
  const fresh = createMemoryReadStore();
  await replay({ eventStore, readStore: fresh, projections: allProjections });
  const out: ModelComparison[] = [];
  for (const p of allProjections) {
    const live = await readStore.dump(p.name);
    const rebuilt = await fresh.dump(p.name);
    const keys = new Set([...Object.keys(live), ...Object.keys(rebuilt)]);
    const differences = [...keys].filter((k) => canonical(live[k]) !== canonical(rebuilt[k]));
    out.push({ model: p.name, keys: keys.size, differences: differences.slice(0, 10) });
  }
  return out;
}

/** Every read model in `readStore` equals a fresh replay of `eventStore`, one assertion per model; both stores are closed after. */
export async function expectEqualToReplay(
  t: Test,
  eventStore: EventStore,
  readStore: ReadModelStore,
): Promise<void> {
  try {
    for (const model of await compareWithReplay(eventStore, readStore)) {
      t.same(model.differences, [], `${model.model} (${model.keys} keys) equals a fresh replay`);
    }
  } finally {
    await readStore.close();
    await eventStore.close();
  }
}
