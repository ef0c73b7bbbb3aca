// Restart of the embedded default (in-process read models, no REDIS_URL)
// against the log's size: from spawning `node dist/src/server.js` to `/ready`
// answering 200, and the RSS then. Today every start replays the whole log.
import { cpSync, rmSync } from 'node:fs';
import { round, type Result } from '../lib/results.js';
import { startService } from '../lib/service.js';

/** Starts the service over a copy of `dataDir` (so the log it reads is the seeded one, untouched) and times it. */
async function timedStart(dataDir: string): Promise<{ seconds: number; rssMb: number }> {
  const copy = `${dataDir}-restart`;
  cpSync(dataDir, copy, { recursive: true });
  try {
    const started = performance.now();
    const service = await startService({ DATA_DIR: copy });
    const seconds = (performance.now() - started) / 1000;
    const { rssMb } = service.memory();
    await service.stop();
    return { seconds, rssMb };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** `logs`: event count → a data dir holding a seeded log of that size. */
export async function restartTimes(logs: [number, string][]): Promise<Result> {
  const runs: { events: number; seconds: number; rssMb: number }[] = [];
  for (const [events, dir] of logs) runs.push({ events, ...(await timedStart(dir)) });
  const at = (n: number) => runs.find((r) => r.events === n);
  const million = at(1_000_000) ?? runs[runs.length - 1]!;
  const tenMillion = at(10_000_000);
  return {
    scenario: 'restart to /ready, in-process read models, against log size',
    target: '/ready within 1 s over 1,000,000 events (within 2 s over 10,000,000 under BENCH_FULL=1), not growing with the log',
    pass: million.events >= 1_000_000 && million.seconds <= 1 && (!tenMillion || tenMillion.seconds <= 2),
    measured: runs.map((r) => `${r.events.toLocaleString('en')} events ${round(r.seconds, 2)} s (RSS ${r.rssMb} MB)`).join('; '),
    configuration: { readModels: 'in process', store: 'embedded', from: 'spawn to /ready 200', snapshots: 'none: every start replays the whole log' },
    runs,
  };
}
