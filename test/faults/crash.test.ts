// Fault 1: kill -9 under write load (fast version; npm run soak runs longer ones).
import t from 'tap';
import { crashUnderLoad } from '../support/faults.js';

t.test('kill -9 under write load loses nothing acknowledged', async (t) => {
  await crashUnderLoad(t, { rounds: 2, loadMs: 1500, workers: 12 });
});
