// The embedded event store alone: appends per second with 1 writer (one sync
// per append) and with 50 concurrent writers (group commit shares a sync).
// No target of its own; it explains the write scenarios' ceiling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { ExpectedRevision } from '../../src/infra/eventstore/types.js';
import type { Result } from '../lib/results.js';

async function appendRate(writers: number, total: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-es-'));
  const store = await openEmbeddedEventStore({ dir });
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        let revision: ExpectedRevision = 'no_stream';
        while (next < total) {
          next += 1;
          const data = { userId: w, key: 'k', value: 'v'.repeat(100), at: new Date().toISOString() };
          const r = await store.append(`bench-${w}`, [{ id: randomUUID(), type: 'DataStored', data }], revision);
          revision = r.nextExpectedRevision;
        }
      }),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return Math.round(total / ((performance.now() - started) / 1000));
}

export async function eventStoreAppends(): Promise<Result> {
  const one = await appendRate(1, 5_000);
  const fifty = await appendRate(50, 50_000);
  return {
    scenario: 'appends (embedded store)',
    target: 'none (explains the write ceiling)',
    pass: null,
    measured: `1 writer ${one}/s, 50 writers ${fifty}/s`,
    configuration: { store: 'embedded (SQLite WAL, synchronous=FULL)', eventBytes: '~200' },
    appendsPerSecond: { oneWriter: one, fiftyWriters: fifty },
  };
}
