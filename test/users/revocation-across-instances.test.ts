// Two instances on one event store and one Redis, each serving session checks
// from its own read cache: a logout through instance A is refused by instance
// B as soon as Redis's invalidation reaches B, long before a cached entry's
// life cap (set to 60 s here, so only the invalidation can explain it).
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { build, REDIS_URL } from '../support/app.js';
import { deletePrefix } from '../support/redis-cleanup.js';
import { eventStoreFor } from '../support/stores.js';
import { signedInUser } from '../support/signed-in-user.js';

const CAP_MS = 60_000;

t.test('logout on A: B refuses the token once the invalidation arrives, far within the cache cap', async (t) => {
  const prefix = `test:${randomUUID()}:`;
  t.teardown(() => deletePrefix(REDIS_URL, prefix));
  const eventStore = await eventStoreFor(t);
  const env = { REDIS_KEY_PREFIX: prefix, READ_CACHE_MS: String(CAP_MS), JWT_SECRET: randomUUID() + randomUUID(), OTP_SECRET: randomUUID() + randomUUID(), DATA_KEY_SECRET: randomUUID() + randomUUID() };
  const instance = async () => {
    const readStore = await openRedisReadStore({ url: REDIS_URL, prefix, cacheMs: CAP_MS });
    t.teardown(() => readStore.close());
    const { app } = await build(t, { readModels: 'redis', env, eventStore, readStore });
    return { app, readStore };
  };
  const a = await instance();
  const b = await instance();

  for (let round = 0; round < 20; round += 1) {
    const user = await signedInUser(a.app, `revoked_${round}`);
    const onB = () => b.app.inject({ method: 'GET', url: '/api/data/nothing', headers: user.auth });
    await b.readStore.synced!();
    for (let i = 0; i < 3; i += 1) t.equal((await onB()).statusCode, 404, `round ${round}: the token works on B (KEY_NOT_FOUND)`);

    const out = await a.app.inject({ method: 'GET', url: '/logout', headers: user.auth });
    t.equal(out.statusCode, 200, 'logged out through A');
    t.equal((await a.app.inject({ method: 'GET', url: '/api/data/nothing', headers: user.auth })).statusCode, 401, 'A refuses at once');
    const started = Date.now();
    let status = (await onB()).statusCode;
    while (status !== 401 && Date.now() - started < 1000) {
      await new Promise((r) => setTimeout(r, 1));
      status = (await onB()).statusCode;
    }
    t.equal(status, 401, `B refuses after ${Date.now() - started} ms (cap ${CAP_MS} ms)`);
    await b.readStore.synced!();
    t.equal((await onB()).statusCode, 401, 'and keeps refusing');
  }
});
