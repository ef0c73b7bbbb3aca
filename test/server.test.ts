// The service as `npm start` runs it: a child process over real sockets.
// Answered writes survive a graceful stop and a kill -9.
import t from 'tap';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './support/app.js';
import { failedStart, postJson, startServer } from './support/server.js';

t.test('starts on embedded defaults, serves health and ready', async (t) => {
  const dataDir = tempDir(t);
  const server = await startServer(t, { DATA_DIR: dataDir });
  const health = await fetch(`${server.url}/health`);
  t.equal(health.status, 200);
  t.same(await health.json(), { status: 'ok' });
  const ready = await fetch(`${server.url}/ready`);
  t.equal(ready.status, 200);
  t.match(await ready.json(), { status: 'ready', checks: { eventStore: 'ok', readStore: 'ok', projections: 'ok' } });
  t.ok(await server.waitForLine((l) => l.includes('"reqId"')), 'request logs carry a request id');
  t.equal(await server.stop('SIGTERM'), 0, 'graceful shutdown exits 0');
  const cached = readdirSync(join(dataDir, 'compile-cache'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  t.ok(cached.length > 0, `V8's compiled code is kept under DATA_DIR for the next start (${cached.length} files)`);
});

t.test('a registered user is still there after a graceful restart and after kill -9', async (t) => {
  const dataDir = tempDir(t);
  let server = await startServer(t, { DATA_DIR: dataDir });
  t.equal((await postJson(`${server.url}/register`, { username: 'durable', password: 'password1' })).status, 201);
  t.equal(await server.stop('SIGTERM'), 0);

  server = await startServer(t, { DATA_DIR: dataDir });
  t.equal((await postJson(`${server.url}/login`, { username: 'durable', password: 'password1' })).status, 200, 'after restart');
  // Answered, then killed at once: the 201 must not be lost.
  const answered = await postJson(`${server.url}/register`, { username: 'killed', password: 'password1' });
  t.equal(answered.status, 201);
  t.equal(await server.stop('SIGKILL'), 'SIGKILL');

  server = await startServer(t, { DATA_DIR: dataDir });
  for (const username of ['durable', 'killed']) {
    const login = await postJson(`${server.url}/login`, { username, password: 'password1' });
    t.equal(login.status, 200, `${username} signs in after kill -9`);
  }
  const again = await postJson(`${server.url}/register`, { username: 'killed', password: 'password2' });
  t.equal(again.status, 409, 'and is still unique');
});

t.test('a bad configuration value stops the start and names the variable', async (t) => {
  const dataDir = tempDir(t);
  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['AUTH_RATE_LIMIT', '-1'],
    ['PUBLIC_PRODUCT_READS', 'maybe'],
    ['REDIS_URL', 'http://localhost'],
    ['LOG_LEVEL', 'chatty'],
    ['PROJECTIONS', 'off'],
  ] as const) {
    const { code, stderr } = await failedStart({ DATA_DIR: dataDir, [name]: value });
    t.equal(code, 78, `${name}=${value} refused`);
    t.match(stderr, new RegExp(`configuration error: ${name}`), `the message names ${name}`);
  }
});

t.test('production mode refuses to start without secrets', async (t) => {
  const { code, stderr } = await failedStart({ DATA_DIR: tempDir(t), NODE_ENV: 'production', ARGON2_MEMORY_KIB: '19456' });
  t.equal(code, 78);
  t.match(stderr, /JWT_SECRET: is required in production/);
  const short = await failedStart({
    DATA_DIR: tempDir(t),
    NODE_ENV: 'production',
    ARGON2_MEMORY_KIB: '19456',
    JWT_SECRET: 'too-short',
    OTP_SECRET: 'x'.repeat(32),
  });
  t.match(short.stderr, /JWT_SECRET: must be at least 32 bytes/);
});
