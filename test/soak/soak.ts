// npm run soak: the long versions of the fault and fuzz tests (minutes, not
// seconds), ending with one summary line, e.g.
//   faults: 4/4 survived, acknowledged writes lost: 0 of N, fuzz cases: M with 0 server errors
// SOAK_SCALE (default 1) multiplies durations and sizes.
import t from 'tap';
import { mkdirSync, writeFileSync } from 'node:fs';
import { crashUnderLoad, eventStoreOutage, redisOutage, twoInstances, type FaultResult } from '../support/faults.js';
import { fuzzEveryRoute, fuzzOverSocket } from '../support/hostile.js';

const scale = Number(process.env.SOAK_SCALE ?? '1');
const results: FaultResult[] = [];
const fuzz = { cases: 0, serverErrors: 0 };

t.test('fault 1: kill -9 under write load, five times', async (t) => {
  results.push(await crashUnderLoad(t, { rounds: 5, loadMs: 3000 * scale, workers: 16 }));
});

t.test('fault 2: Redis killed three times under load', async (t) => {
  results.push(await redisOutage(t, { outages: 3, loadMs: 2000 * scale, outageMs: 2000 * scale, workers: 8 }));
});

t.test('fault 3: the event store killed three times under load (both append paths)', async (t) => {
  const append = await eventStoreOutage(t, { batchAppend: false, outages: 3, loadMs: 1500 * scale, outageMs: 1000 * scale, workers: 6 });
  const batch = await eventStoreOutage(t, { batchAppend: true, outages: 3, loadMs: 1500 * scale, outageMs: 1000 * scale, workers: 6 });
  results.push({
    fault: 'event store down and back',
    acknowledged: append.acknowledged + batch.acknowledged,
    lost: append.lost + batch.lost,
    survived: append.survived && batch.survived,
  });
});

t.test('fault 4: two instances under concurrent load', async (t) => {
  results.push(await twoInstances(t, { loadMs: 10_000 * scale, workers: 16, racers: 50 }));
});

t.test('fuzzing every route: in process on Redis read models, and over real sockets', async (t) => {
  const inProcess = await fuzzEveryRoute(t, { runs: Math.round(3000 * scale), readModels: 'redis' });
  const sockets = await fuzzOverSocket(t, { runs: Math.round(1000 * scale) });
  fuzz.cases += inProcess.cases + sockets.cases;
  fuzz.serverErrors += inProcess.serverErrors + sockets.serverErrors;
});

t.teardown(() => {
  const survived = results.filter((r) => r.survived).length;
  const lost = results.reduce((n, r) => n + r.lost, 0);
  const acknowledged = results.reduce((n, r) => n + r.acknowledged, 0);
  const summary =
    `faults: ${survived}/4 survived, acknowledged writes lost: ${lost} of ${acknowledged}, ` +
    `fuzz cases: ${fuzz.cases} with ${fuzz.serverErrors} server errors`;
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/soak.json', import.meta.url),
    JSON.stringify({ at: new Date().toISOString(), scale, summary, results, fuzz }, null, 2) + '\n',
  );
  process.stdout.write(`\n${summary}\n`);
});
