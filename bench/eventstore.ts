// Embedded event store throughput: appends per second with 1 and with 50
// concurrent writers (each append synced to disk before it resolves; group
// commit shares one sync among the appends of one turn), and replay rates.
//   npx tsx bench/eventstore.ts [appendsPerRun]
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore } from '../src/infra/eventstore/embedded.js';
import { createMemoryReadStore } from '../src/infra/readstore/memory.js';
import { replay } from '../projections/replay.js';
import { allProjections } from '../projections/index.js';

const total = Number(process.argv[2] ?? 20000);

async function appendRate(writers: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-es-'));
  const store = await openEmbeddedEventStore({ dir });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let revision: bigint | 'no_stream' = 'no_stream';
      while (next < total) {
        next += 1;
        const r = await store.append(`bench-${w}`, [{ id: randomUUID(), type: 'DataStored', data: { userId: w, key: 'k', value: 'v'.repeat(100) } }], revision);
        revision = r.nextExpectedRevision;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { writers, appends: total, seconds, appendsPerSecond: Math.round(total / seconds) };
}

async function replayRate(events: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
  const store = await openEmbeddedEventStore({ dir });
  const batch = 500;
  for (let i = 0; i < events; i += batch) {
    await Promise.all(
      Array.from({ length: batch }, (_, j) =>
        store.append(`user-${i + j}`, [{ id: randomUUID(), type: 'UserRegistered', data: { userId: i + j, username: `u${i + j}`, email: null, passwordHash: 'x', verified: true, profile: {}, via: 'E', at: new Date().toISOString() } }], 'any'),
      ),
    );
  }
  const result = await replay({ eventStore: store, readStore: createMemoryReadStore(), projections: allProjections });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { events: result.events, seconds: result.seconds, eventsPerSecond: Math.round(result.eventsPerSecond), into: 'memory' };
}

const results = {
  scenario: 'embedded-eventstore',
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  at: new Date().toISOString(),
  appends: [await appendRate(1), await appendRate(50)],
  replay: [await replayRate(100_000)],
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/eventstore.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.table(results.appends);
console.table(results.replay);
