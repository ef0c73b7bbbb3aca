// Guessing codes stops at the attempt limit, and the rate limits hold per
// address and per account, across two instances sharing one Redis.
import t from 'tap';
import { codeGuessing, rateLimitsAcrossInstances } from '../support/hostile.js';

t.test('five wrong guesses void any one-time secret, across instances and addresses', async (t) => {
  const result = await codeGuessing(t);
  t.equal(result.kinds, 5, 'every kind of one-time secret');
});

t.test('AUTH_RATE_LIMIT=5 per address and per account, across two instances', async (t) => {
  const result = await rateLimitsAcrossInstances(t, { limit: 5 });
  t.ok(result.limited >= 9, `${result.limited} answers limited, each checked`);
});
