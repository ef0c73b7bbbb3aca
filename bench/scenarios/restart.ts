// Restart of the embedded default (in-process read models, no REDIS_URL)
// against the log's size: from spawning `node dist/src/server.js` to `/ready`
// answering 200, and the RSS then: the first start over a log replays all of
// it (no snapshot yet), and writes a snapshot when it stops; the second starts
// from that snapshot (before/after the snapshots, in one sitting).
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { round, type Result } from '../lib/results.js';
import { startService } from '../lib/service.js';

/** Starts the service over a copy of `dataDir` (so the log it reads is the seeded one, untouched) and times it. */
async function timedStart(dataDir: string): Promise<{ seconds: number; rssMb: number; snapshotSeconds: number; snapshotRssMb: number }> {
  const copy = `${dataDir}-restart`;
  cpSync(dataDir, copy, { recursive: true });
  rmSync(join(copy, 'snapshots'), { recursive: true, force: true });
  try {
    const once = async () => {
      const started = performance.now();
      const service = await startService({ DATA_DIR: copy });
      const seconds = (performance.now() - started) / 1000;
      const { rssMb } = service.memory();
      await service.stop(); // writes the snapshot
      return { seconds, rssMb };
    };
    const full = await once();
    const fromSnapshot = await once();
    return { seconds: full.seconds, rssMb: full.rssMb, snapshotSeconds: fromSnapshot.seconds, snapshotRssMb: fromSnapshot.rssMb };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** `logs`: event count → a data dir holding a seeded log of that size. */
export async function restartTimes(logs: [number, string][]): Promise<Result> {
  const runs: { events: number; seconds: number; rssMb: number; snapshotSeconds: number; snapshotRssMb: number }[] = [];
  for (const [events, dir] of logs) runs.push({ events, ...(await timedStart(dir)) });
  const at = (n: number) => runs.find((r) => r.events === n);
  const million = at(1_000_000) ?? runs[runs.length - 1]!;
  const tenMillion = at(10_000_000);
  return {
    scenario: 'restart to /ready, in-process read models, against log size',
    target: '/ready within 1 s over 1,000,000 events (within 2 s over 10,000,000 under BENCH_FULL=1), not growing with the log',
    pass: million.events >= 1_000_000 && million.snapshotSeconds <= 1 && (!tenMillion || tenMillion.snapshotSeconds <= 2),
    measured: runs
      .map((r) => `${r.events.toLocaleString('en')} events: full replay ${round(r.seconds, 2)} s (RSS ${r.rssMb} MB) → from snapshot ${round(r.snapshotSeconds, 2)} s (RSS ${r.snapshotRssMb} MB)`)
      .join('; '),
    configuration: { readModels: 'in process', store: 'embedded', from: 'spawn to /ready 200', first: 'no snapshot: the whole log', second: 'the snapshot the first wrote at stop' },
    runs,
  };
}
