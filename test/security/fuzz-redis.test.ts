// Fuzzing every route with Redis read models: random requests only (the
// sweep runs in fuzz.test.ts); the Redis model must equal a fresh replay of
// the log afterwards, whatever text the requests carried.
import t from 'tap';
import { fuzzEveryRoute } from '../support/hostile.js';
import { scanForSecrets } from '../support/secret-scan.js';

t.test('every route, Redis read models', async (t) => {
  const result = await fuzzEveryRoute(t, { runs: 500, readModels: 'redis', sweep: false });
  t.ok(result.cases >= 500, `${result.cases} requests`);
  t.comment(JSON.stringify({ ...result, app: undefined, world: undefined, secrets: result.secrets.length }));
  await scanForSecrets(t, { ...result.app, redisPrefix: result.app.config.redisKeyPrefix }, result.secrets);
});
