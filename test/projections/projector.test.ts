// API processes without their own runner (PROJECTIONS=off) and a separate
// projector: a command still answers only once the read models show its write.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { allProjections } from '../../projections/index.js';
import { ProjectionRunner } from '../../projections/runner.js';
import { build, REDIS_URL, tempDir, testConfig } from '../support/app.js';
import { eventStoreFor, openedLog, readStoreFor, userIndex } from '../support/stores.js';
import { postJson, startServer } from '../support/server.js';
import { deletePrefix } from '../support/redis-cleanup.js';

t.test('in process: PROJECTIONS=off reads its own writes through the checkpoints', async (t) => {
  const prefix = `test:${randomUUID()}:`;
  const raw = await eventStoreFor(t);
  // The projector opens the log with the same keys as the API (one DATA_DIR here).
  const dataDir = tempDir(t);
  const config = testConfig(dataDir, { PROJECTIONS: 'off', REDIS_URL, REDIS_KEY_PREFIX: prefix });
  const eventStore = await openedLog(t, config, raw);
  const projectorStore = await readStoreFor(t, 'redis', prefix);
  const runner = new ProjectionRunner({ eventStore, readStore: projectorStore, projections: allProjections, log: pino({ level: 'silent' }) });
  t.teardown(() => runner.stop());
  await runner.start();
  const apiStore = await readStoreFor(t, 'redis', prefix);
  const { app } = await build(t, { eventStore: raw, readStore: apiStore, config, dataDir });

  for (let i = 0; i < 5; i += 1) {
    const reg = await app.inject({ method: 'POST', url: '/register', payload: { username: `off${i}`, password: 'password1' } });
    t.equal(reg.statusCode, 201);
    t.equal(await apiStore.get('users', userIndex(config, 'username', `off${i}`)), String(reg.json().id), 'visible as soon as answered');
  }
  const login = await app.inject({ method: 'POST', url: '/login', payload: { username: 'off0', password: 'password1' } });
  const token = login.json().access_token;
  const created = await app.inject({
    method: 'POST',
    url: '/products',
    headers: { authorization: `Bearer ${token}` },
    payload: { name: 'Lamp', description: 'A lamp' },
  });
  t.equal(created.statusCode, 201, 'the session was visible to the token check at once');
  const ready = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(ready.statusCode, 200);
});

t.test('processes: one projector, one API with PROJECTIONS=off, sharing the stores', async (t) => {
  const prefix = `test:${randomUUID()}:`;
  t.teardown(() => deletePrefix(REDIS_URL, prefix));
  const env = { DATA_DIR: tempDir(t), REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const api = await startServer(t, { ...env, PROJECTIONS: 'off' });
  const projector = await startServer(t, env, 'src/tools/projector.ts');
  const reg = await postJson(`${api.url}/register`, { username: 'scaled', password: 'password1' });
  t.equal(reg.status, 201);
  const login = await postJson(`${api.url}/login`, { username: 'scaled', password: 'password1' });
  t.equal(login.status, 200);
  const product = await postJson(
    `${api.url}/products`,
    { name: 'Desk', description: 'Oak' },
    { authorization: `Bearer ${login.body.access_token}` },
  );
  t.equal(product.status, 201, 'the API saw the session the projector applied');
  const ready = await fetch(`${projector.url}/ready`);
  t.equal(ready.status, 200);
  t.match(await (await fetch(`${projector.url}/metrics`)).text(), /chronicle_projection_lag_events 0/);
});
