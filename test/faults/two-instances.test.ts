// Fault 4: two service instances on one event store and one Redis (fast version).
import t from 'tap';
import { twoInstances } from '../support/faults.js';

t.test('two instances sharing the event store and Redis', async (t) => {
  await twoInstances(t, { loadMs: 1500, workers: 10, racers: 20 });
});
