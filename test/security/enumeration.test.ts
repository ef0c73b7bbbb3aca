// A's /reset and C's /auth/forgot tell nobody which accounts exist: the same
// answer and, within noise, the same time for known and unknown accounts,
// with mail through SMTP (as in production) and to the outbox. The statistic
// and its bound are explained in test/support/hostile-accounts.ts.
import t from 'tap';
import { enumerationTiming } from '../support/hostile.js';

for (const mail of ['smtp', 'outbox'] as const) {
  t.test(`known and unknown accounts answer alike (${mail})`, async (t) => {
    const results = await enumerationTiming(t, { samples: 40, mail });
    t.equal(results.length, 2, 'both routes measured');
    for (const r of results) t.equal(r.known.n + r.unknown.n, 40, `${r.route}: 40 timed requests`);
  });
}
