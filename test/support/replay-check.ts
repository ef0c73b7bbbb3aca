// Compares the read models the service built with a fresh replay of its event
// log into an empty in-process store: after any fault they must be equal
// (no event applied twice, none skipped, nothing half-applied).
import { allProjections } from '../../projections/index.js';
import { replay } from '../../projections/replay.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import type { ReadModelStore } from '../../src/infra/readstore/types.js';

export interface ModelComparison {
  model: string;
  keys: number;
  /** Keys whose values differ, or that only one side has. */
  differences: string[];
}

export async function compareWithReplay(eventStore: EventStore, readStore: ReadModelStore): Promise<ModelComparison[]> {
  const fresh = createMemoryReadStore();
  await replay({ eventStore, readStore: fresh, projections: allProjections });
  const out: ModelComparison[] = [];
  for (const p of allProjections) {
    const live = await readStore.dump(p.name);
    const rebuilt = await fresh.dump(p.name);
    const keys = new Set([...Object.keys(live), ...Object.keys(rebuilt)]);
    const differences = [...keys].filter((k) => JSON.stringify(live[k]) !== JSON.stringify(rebuilt[k]));
    out.push({ model: p.name, keys: keys.size, differences: differences.slice(0, 10) });
  }
  return out;
}
