// Fuzzing every route of openapi.yaml in process (app.inject): random and
// mutated requests from fast-check, seeded (the seed is printed; FUZZ_SEED
// replays a run), plus a sweep of every mutation on every route. The
// properties are listed in test/support/hostile.ts.
import t from 'tap';
import { fuzzEveryRoute } from '../support/hostile.js';
import { scanForSecrets } from '../support/secret-scan.js';

t.test('every route, every mutation, in-process read models', async (t) => {
  const result = await fuzzEveryRoute(t, { runs: 600, readModels: 'memory' });
  t.ok(result.routes >= 30, `${result.routes} routes from openapi.yaml`);
  t.ok(result.cases > 5000, `${result.cases} requests`);
  t.ok(result.statuses[200]! > 100 && result.statuses[201]! > 10, 'valid requests got through too');
  t.comment(JSON.stringify({ ...result, app: undefined, world: undefined, secrets: result.secrets.length }));
  // Thousands of hostile requests carried the world's passwords and tokens: none of them was kept in the clear.
  await scanForSecrets(t, result.app, result.secrets);
});
