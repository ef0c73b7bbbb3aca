// Fault 2: Redis goes away under load and comes back (fast version; npm run soak runs longer ones).
import t from 'tap';
import { redisOutage } from '../support/faults.js';

t.test('Redis stopped under load and brought back', async (t) => {
  await redisOutage(t, { loadMs: 400, workers: 6, outages: 1, outageMs: 700 });
});
