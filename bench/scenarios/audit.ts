// The audit tool over a large log, as an operator runs it (`npm run audit`,
// i.e. node dist/src/tools/audit.js): the whole log exported as NDJSON (rate,
// and the process's RSS sampled while it runs: flat means it does not grow
// with the log), and `--at` on a product with 10,000 events.
//   npx tsx bench/scenarios/audit.ts [events]   (default 1,000,000; writes bench/results/audit.json)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { openPersonalData } from '../../src/personal.js';
import { productStreams } from '../../src/products/events.js';
import { ROOT } from '../lib/service.js';
import { eventsIn, seedLog, type SeedPlan } from '../lib/seed.js';
import { machine, round, type Result } from '../lib/results.js';

const UPDATES = 10_000;

interface Run {
  seconds: number;
  lines: number;
  bytes: number;
  rssSamplesMb: number[];
  peakRssMb: number;
  stdout: string;
}

/** Runs the built tool, counting its stdout, sampling its RSS from /proc every 100 ms. */
function audit(args: string[], env: Record<string, string>, keep = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/src/tools/audit.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lines = 0;
    let bytes = 0;
    let kept = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      if (keep) kept += chunk.toString('utf8');
    });
    const samples: number[] = [];
    const timer = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) samples.push(Math.round(Number(m[1]) / 1024));
      } catch {
        /* gone */
      }
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`audit ${args.join(' ')} exited ${code}`));
      resolve({ seconds: (performance.now() - started) / 1000, lines, bytes, rssSamplesMb: samples, peakRssMb: Math.max(...samples), stdout: kept });
    });
  });
}

/** Appends UPDATES renames to product 1, one minute apart in `at`; returns the time of the middle one. */
async function longProduct(dir: string): Promise<string> {
  const raw = await openEmbeddedEventStore({ dir });
  const store = (await openPersonalData(loadConfig({ DATA_DIR: join(dir, '..') }), raw)).eventStore;
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  try {
    for (let i = 0; i < UPDATES; i += 1000) {
      const batch = Array.from({ length: 1000 }, (_, j) => ({
        id: randomUUID(),
        type: 'ProductUpdated',
        data: { productId: 1, userId: 1, name: `Name ${i + j + 1}`, description: 'renamed', at: new Date(t0 + (i + j + 1) * 60_000).toISOString() },
      }));
      await store.append(productStreams.product(1), batch, 'stream_exists');
    }
  } finally {
    await store.close();
  }
  return new Date(t0 + (UPDATES / 2) * 60_000 + 30_000).toISOString();
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1_000_000);
  // Half products (id allocation + creation), half D keys (stored + 9 updates, sealed: the export opens each).
  const plan: SeedPlan = { products: Math.round(total / 4), keys: Math.round(total / 20), updatesPerKey: 9 };
  const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-audit-bench-'));
  const env = { DATA_DIR: dataDir, NODE_ENV: 'development', EVENTSTORE_URL: '', LOG_LEVEL: 'warn' };
  try {
    process.stdout.write(`seeding ${eventsIn(plan).toLocaleString('en')} events...\n`);
    const seeded = await seedLog(join(dataDir, 'events'), plan);
    process.stdout.write(`seeded in ${round(seeded.seconds, 1)} s\n`);
    const middle = await longProduct(join(dataDir, 'events'));
    const events = seeded.events + UPDATES;

    const load = loadavg().map((l) => round(l, 2));
    const exported = await audit(['log', '--json'], env);
    if (exported.lines !== events) throw new Error(`exported ${exported.lines} lines, the log holds ${events}`);
    const rate = Math.round(events / exported.seconds);
    const s = exported.rssSamplesMb;
    const tenth = s.slice(Math.floor(s.length / 10), Math.floor(s.length / 5));
    const export_: Result = {
      scenario: 'audit log --json (NDJSON export)',
      target: '≥ 100,000 events/s over 1,000,000 events, RSS flat',
      pass: rate >= 100_000,
      measured: `${rate.toLocaleString('en')} events/s (${events.toLocaleString('en')} events, ${round(exported.bytes / 2 ** 20, 1)} MiB in ${round(exported.seconds, 1)} s); RSS ${Math.max(...tenth)} MB at 10-20% of the log, ${s[s.length - 1]} MB at the end, peak ${exported.peakRssMb} MB`,
      configuration: { events, sealedEvents: plan.keys * (1 + plan.updatesPerKey), store: 'embedded', tool: 'node dist/src/tools/audit.js log --json > pipe', loadAverage: load },
      eventsPerSecond: rate,
      seconds: round(exported.seconds, 2),
      rssSamplesMb: s.filter((_, i) => i % Math.max(1, Math.floor(s.length / 50)) === 0),
      peakRssMb: exported.peakRssMb,
    };

    const ats: number[] = [];
    let answer = '';
    for (let i = 0; i < 5; i++) {
      const r = await audit(['product', '1', '--at', middle], env, true);
      ats.push(r.seconds);
      answer = r.stdout;
    }
    if (!answer.includes(`name: "Name ${UPDATES / 2}"`)) throw new Error(`--at answered ${answer}`);
    // In process too: what the admin route pays (no process start).
    const raw = await openEmbeddedEventStore({ dir: join(dataDir, 'events') });
    const personal = await openPersonalData(loadConfig(env), raw);
    const { statesAt, parseMoment } = await import('../../src/audit/history.js');
    const inProcess: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const [state] = await statesAt(personal.eventStore, personal.names, { kind: 'product', id: 1 }, parseMoment(middle)!);
      inProcess.push(performance.now() - t0);
      if (state?.state?.name !== `Name ${UPDATES / 2}`) throw new Error('wrong state');
    }
    await personal.dataKeys.close();
    await personal.eventStore.close();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const at: Result = {
      scenario: 'audit product --at (10,000 events on the product)',
      target: 'reported (issue 14)',
      pass: null,
      measured: `${Math.round(median(ats) * 1000)} ms for the command (process start included, median of 5); ${round(median(inProcess), 1)} ms for the fold in process`,
      configuration: { productEvents: UPDATES + 1, logEvents: events, loadAverage: loadavg().map((l) => round(l, 2)) },
      commandMs: ats.map((x) => Math.round(x * 1000)),
      inProcessMs: inProcess.map((x) => round(x, 1)),
    };
    const out = { machine: machine(), results: [export_, at] };
    writeFileSync(new URL('../results/audit.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
    for (const r of out.results) process.stdout.write(`${r.pass === false ? '✗' : '✓'} ${r.scenario}: ${r.measured}\n`);
  } finally {
    if (process.env.KEEP_DIR) process.stdout.write(`kept ${dataDir}\n`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
