// npm run bench: every scenario against the real service (one process, as
// `npm start` runs it: embedded event store, Redis read models), loaded over
// loopback from this process. Results go to bench/results/*.json and a table.
//   BENCH_SECONDS   seconds per measured load run (10)
//   BENCH_EVENTS    events in the seeded log (1000000)
//   REDIS_URL       read models' Redis (redis://127.0.0.1:6379)
//   BENCH_ONLY      comma-separated groups to run (hot, revocation, main; restart alone); all when unset
//   BENCH_DIST      another build of the service to measure (before/after)
//   BENCH_BEFORE_DIST  a build from before the per-stream queue: adds its cost (group "cost")
//   BENCH_FULL=1    the restart scenario over 10,000,000 events too
//   BENCH_SEED_DIR  keep the restart scenario's seeded logs there and reuse them in later runs
//                   (seeding 10,000,000 events takes tens of minutes on this machine)
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deletePrefix } from '../test/support/redis-cleanup.js';
import { startBare, startService, type Service } from './lib/service.js';
import { load } from './lib/load.js';
import { eventsIn, seedLog, type SeedPlan } from './lib/seed.js';
import { machine, type Result } from './lib/results.js';
import { eventStoreAppends } from './scenarios/eventstore.js';
import { replayInto } from './scenarios/replay.js';
import { bare, getData, getProduct, listProducts, listSmallCatalogue } from './scenarios/reads.js';
import { postData, projectionLag } from './scenarios/writes.js';
import { login, owner } from './scenarios/login.js';
import { revocationDelay } from './scenarios/revocation.js';
import { restartTimes } from './scenarios/restart.js';
import { hotKeyOneInstance, hotKeyTwoInstances, queueCost, uncontendedWrites } from './scenarios/hot.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
// 100,000 products (two events each: id allocated, created); data keys fill the rest, four events a key.
const products = Math.min(100_000, Math.floor(events / 4));
const plan: SeedPlan = { products, keys: Math.floor((events - products * 2) / 4), updatesPerKey: 3 };
const resultsDir = new URL('./results/', import.meta.url);
const results: Result[] = [];
const started = Date.now();
const only = process.env.BENCH_ONLY?.split(',').map((g) => g.trim());
const want = (group: string) => !only || only.includes(group);

function record(name: string, result: Result, on?: Service | null): void {
  // The service's resident memory right after the scenario, where one ran.
  if (on && result.rssMb === undefined) result.rssMb = on.memory().rssMb;
  results.push(result);
  const file = { ...result, machine: machine(), at: new Date().toISOString() };
  writeFileSync(new URL(`${name}.json`, resultsDir), JSON.stringify(file, null, 2) + '\n');
  const mark = result.pass === null ? '·' : result.pass ? '✓' : '✗';
  process.stdout.write(`${mark} ${result.scenario}: ${result.measured}\n`);
}

/** What the service's own metrics say about its memory (MB): where the RSS goes. */
async function heapFigures(base: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const figure = (name: string) => Math.round(Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20);
  return {
    heapUsed: figure('nodejs_heap_size_used_bytes'),
    heapTotal: figure('nodejs_heap_size_total_bytes'),
    external: figure('nodejs_external_memory_bytes'),
  };
}

/**
 * A seeded log for the restart scenario: under BENCH_SEED_DIR, the one a
 * previous run left there (complete: its marker file is written last), else a
 * fresh one; `temporary` says whether the caller removes it.
 */
async function restartLog(plan: SeedPlan): Promise<{ dir: string; temporary: boolean }> {
  const keep = process.env.BENCH_SEED_DIR;
  if (!keep) {
    const dir = mkdtempSync(join(tmpdir(), `chronicle-bench-restart-${eventsIn(plan)}-`));
    step(`seeding ${eventsIn(plan).toLocaleString('en')} events`);
    await seedLog(join(dir, 'events'), plan);
    return { dir, temporary: true };
  }
  const dir = join(keep, `log-${plan.products}-${plan.keys}-${plan.updatesPerKey}`);
  if (existsSync(join(dir, 'seeded'))) {
    step(`reusing the ${eventsIn(plan).toLocaleString('en')}-event log in ${dir}`);
    return { dir, temporary: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  step(`seeding ${eventsIn(plan).toLocaleString('en')} events into ${dir}`);
  await seedLog(join(dir, 'events'), plan);
  writeFileSync(join(dir, 'seeded'), `${eventsIn(plan)}\n`);
  return { dir, temporary: false };
}

const step = (what: string) => process.stdout.write(`  ${what} (${Math.round((Date.now() - started) / 1000)} s)\n`);

mkdirSync(resultsDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
const prefix = `chronicle-bench-${process.pid}:`;
const env = { DATA_DIR: dataDir, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
let service: Service | null = null;
let ceiling: Service | null = null;

try {
  if (want('hot')) {
    step('write contention: one hot key');
    for (const r of await hotKeyOneInstance(redisUrl)) record(r.scenario.includes('products') ? 'hot-product-one' : 'hot-key-one', r);
    record('hot-key-two', await hotKeyTwoInstances(redisUrl));
    record('uncontended-writes', await uncontendedWrites(redisUrl));
  }
  if (process.env.BENCH_BEFORE_DIST && want('reads-cost')) {
    // The read scenarios over a small log against the build before the cache, alternating, in one sitting.
    const small: SeedPlan = { products: 10_000, keys: 10_000, updatesPerKey: 1 };
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-reads-'));
    await seedLog(join(dir, 'events'), small);
    const bareServer = await startBare();
    const rows: Record<string, unknown>[] = [];
    try {
      for (const [label, dist] of [['before', process.env.BENCH_BEFORE_DIST], ['after', 'dist'], ['before', process.env.BENCH_BEFORE_DIST], ['after', 'dist']] as const) {
        const p = `${prefix}reads-${label}-${rows.length}:`;
        const runDir = `${dir}-${rows.length}`;
        cpSync(dir, runDir, { recursive: true }); // each run registers the owner (user 1) on a log of its own
        const svc = await startService({ DATA_DIR: runDir, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: p }, dist);
        try {
          const u = await owner(svc.url);
          for (const path of ['/products/5000', '/products?page=1&limit=10', '/api/data/seed-42']) {
            await load({ url: svc.url + path, headers: { authorization: `Bearer ${u.token}` }, duration: 2 });
          }
          const ceilingOf = async (body: string) => (await bare(bareServer.url, body)).rps;
          const product = await getProduct(svc.url, u, ceilingOf, 5000);
          const page = await listProducts(svc.url, u, ceilingOf, small.products);
          const data = await getData(svc.url, u, ceilingOf, 'seed-42');
          rows.push({ label, product: product.ratioToBare, page: page.ratioToBare, data: data.ratioToBare, measured: [product.measured, page.measured, data.measured] });
          step(`${label}: product ${product.measured}; page ${page.measured}; data ${data.measured}`);
        } finally {
          await svc.stop();
          await deletePrefix(redisUrl, p);
          rmSync(runDir, { recursive: true, force: true });
        }
      }
    } finally {
      await bareServer.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    const mean = (label: string, k: string) => rows.filter((r) => r.label === label).reduce((a, r) => a + (r[k] as number), 0) / 2;
    const pc = (x: number) => `${Math.round(100 * x)}%`;
    record('reads-before-after', {
      scenario: 'reads, the build in BENCH_BEFORE_DIST vs this one (same sitting, small log)',
      target: 'reference: share of bare, mean of two alternating runs each',
      pass: null,
      measured: ['product', 'page', 'data'].map((k) => `${k} ${pc(mean('before', k))} → ${pc(mean('after', k))}`).join('; '),
      configuration: { events: eventsIn(small), before: process.env.BENCH_BEFORE_DIST, after: 'dist' },
      runs: rows,
    });
  }
  if (want('revocation')) {
    step('revocation between two instances');
    record('revocation', await revocationDelay(redisUrl));
  }
  if (process.env.BENCH_BEFORE_DIST && want('cost')) record('queue-cost', await queueCost(redisUrl, process.env.BENCH_BEFORE_DIST));
  if (only?.includes('restart')) {
    // The restart scenario alone (the main group runs it too, over its own seeded log).
    const logs: [number, string][] = [];
    const temporary: string[] = [];
    try {
      for (const plan of [
        { products: 10_000, keys: 20_000, updatesPerKey: 3 },
        { products: 100_000, keys: 200_000, updatesPerKey: 3 },
        ...(process.env.BENCH_FULL === '1' ? [{ products: 100_000, keys: 2_450_000, updatesPerKey: 3 }] : []),
      ]) {
        const log = await restartLog(plan);
        logs.push([eventsIn(plan), log.dir]);
        if (log.temporary) temporary.push(log.dir);
      }
      record('restart', await restartTimes(logs));
    } finally {
      for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    }
  }
  if (want('main')) {
  record('eventstore', await eventStoreAppends());

  step(`seeding ${eventsIn(plan).toLocaleString('en')} events into the embedded store`);
  const seeded = await seedLog(join(dataDir, 'events'), plan);
  step(`seeded in ${seeded.seconds.toFixed(1)} s`);
  record('replay-redis', await replayInto('redis', env, seeded.events));
  record('replay-in-process', await replayInto('in-process', env, seeded.events));

  // The bare ceiling answers each read scenario's own JSON and is measured right before and
  // right after it (the machine's speed drifts over a run): each ratio is the scenario's rate
  // over the mean of the two runs around it.
  service = await startService(env);
  step('service ready over the replayed read models');
  const bareServer = (ceiling = await startBare());
  const bareRuns: Awaited<ReturnType<typeof bare>>[] = [];
  const ceilingNow = async (body: string) => {
    const run = await bare(bareServer.url, body);
    bareRuns.push(run);
    return run.rps;
  };
  const user = await owner(service.url);
  // A fresh process compiles its hot paths under the first load: warm every read path first,
  // so the first scenario measured is not the one that pays for it.
  for (const path of [`/products/${Math.ceil(products / 2)}`, '/products?page=1&limit=10', '/api/data/seed-42']) {
    await load({ url: service.url + path, headers: { authorization: `Bearer ${user.token}` }, duration: 3 });
  }
  record('get-product', await getProduct(service.url, user, ceilingNow, Math.ceil(products / 2)), service);
  const pages = await listProducts(service.url, user, ceilingNow, products);
  record('list-products', pages, service);
  // The same first page among 100 products, from a second service over a log of its own.
  const smallDir = mkdtempSync(join(tmpdir(), 'chronicle-bench-small-'));
  const smallEnv = { DATA_DIR: smallDir, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `${prefix}small:` };
  await seedLog(join(smallDir, 'events'), { products: 100, keys: 0, updatesPerKey: 0 });
  const small = await startService(smallEnv);
  try {
    const smallOwner = await owner(small.url);
    record('list-products-small', await listSmallCatalogue(small.url, smallOwner, ceilingNow, 100, pages.requestsPerSecond!, products), small);
  } finally {
    await small.stop();
    rmSync(smallDir, { recursive: true, force: true });
  }
  record('get-data', await getData(service.url, user, ceilingNow, 'seed-42'), service);
  const ceilingRss = bareServer.memory().rssMb;
  await bareServer.stop();
  ceiling = null;
  const middle = [...bareRuns].sort((a, b) => a.rps - b.rps)[Math.floor(bareRuns.length / 2)]!;
  record('bare', {
    ...middle.result,
    measured: `${middle.result.measured} (median of ${bareRuns.length} runs: ${bareRuns.map((b) => b.rps).join(', ')} req/s)`,
    runs: bareRuns.map((b) => b.rps),
    rssMb: ceilingRss,
  });
  record('post-data', await postData(service.url, user), service);
  record('projection-lag', await projectionLag(service.url, user), service);

  // The service's own footprint: the 1,000,000-event log, Redis read models, after the read and
  // write scenarios. Sign-ins come after: each hash in flight works through argon2's 19 MiB.
  const memory = service.memory();
  const heap = await heapFigures(service.url);
  record('memory', {
    scenario: 'memory',
    target: 'service RSS < 250 MB with 1,000,000 events in the log and Redis read models',
    pass: memory.rssMb < 250 && memory.peakRssMb < 250 && seeded.events >= 1_000_000,
    measured: `RSS ${memory.rssMb} MB, peak ${memory.peakRssMb} MB, after the read and write scenarios (V8 heap ${heap.heapUsed} of ${heap.heapTotal} MB)`,
    configuration: { eventsInLog: seeded.events, readModels: 'redis', after: 'every read and write scenario above' },
    rssMb: memory.rssMb,
    peakRssMb: memory.peakRssMb,
    heapMb: heap,
  });

  const signIns = await login(service.url);
  const afterLogins = service.memory();
  record('login', {
    ...signIns,
    measured: `${signIns.measured}; service RSS peak ${afterLogins.peakRssMb} MB while hashing`,
    rssMb: afterLogins.rssMb,
    peakRssMb: afterLogins.peakRssMb,
  });
  await service.stop();
  service = null;

  // Restarts with in-process read models over 100,000 and the 1,000,000 events above (10,000,000 with BENCH_FULL=1).
  const restartLogs: [number, string][] = [];
  const temporary: string[] = [];
  try {
    const s100k = await restartLog({ products: 10_000, keys: 20_000, updatesPerKey: 3 });
    if (s100k.temporary) temporary.push(s100k.dir);
    restartLogs.push([100_000, s100k.dir], [seeded.events, dataDir]);
    if (process.env.BENCH_FULL === '1') {
      const s10m = await restartLog({ products: 100_000, keys: 2_450_000, updatesPerKey: 3 });
      if (s10m.temporary) temporary.push(s10m.dir);
      restartLogs.push([10_000_000, s10m.dir]);
    }
    record('restart', await restartTimes(restartLogs));
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
  }
} finally {
  await ceiling?.stop();
  await service?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await deletePrefix(redisUrl, prefix);
}

const table = [
  `| scenario | target | measured | |`,
  `|---|---|---|---|`,
  ...results.map((r) => `| ${r.scenario} | ${r.target} | ${r.measured} | ${r.pass === null ? '' : r.pass ? 'pass' : 'MISS'} |`),
].join('\n');
const m = machine();
const summary = `Machine: ${m.cpus} × ${m.model}, ${m.memoryGb} GiB, Node ${m.node} (${m.platform}); ${new Date().toISOString()}; ${Math.round((Date.now() - started) / 1000)} s in all.\n\n${table}\n`;
// A partial run (BENCH_ONLY) keeps the full run's summary.
if (!only) {
  writeFileSync(new URL('summary.md', resultsDir), summary);
  writeFileSync(new URL('summary.json', resultsDir), JSON.stringify({ machine: m, at: new Date().toISOString(), results }, null, 2) + '\n');
}
process.stdout.write(`\n${summary}`);
process.exitCode = results.some((r) => r.pass === false) ? 1 : 0;
