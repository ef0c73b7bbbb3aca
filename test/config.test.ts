// Configuration that would lose mail or fail late is refused at start, with
// the variable named (ConfigError, exit 78 from the server).
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';
import { tempDir } from './support/app.js';
import { failedStart } from './support/server.js';

const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'j'.repeat(48),
  OTP_SECRET: 'o'.repeat(48),
  DATA_KEY_SECRET: 'd'.repeat(48),
  DATA_DIR: '/tmp/never-used',
};

function refused(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

t.test('production refuses to lose mail: SMTP_URL, or files chosen explicitly', async (t) => {
  const error = refused(production);
  t.equal(error.variable, 'SMTP_URL');
  t.match(error.message, /SMTP_URL: is required in production.*MAIL_TRANSPORT=outbox/);
  t.equal(loadConfig({ ...production, SMTP_URL: 'smtp://mail:25' }).mailTransport, 'smtp');
  t.equal(loadConfig({ ...production, MAIL_TRANSPORT: 'outbox' }).mailTransport, 'outbox', 'files, chosen explicitly');
  t.equal(
    loadConfig({ ...production, MAIL_TRANSPORT: 'outbox', SMTP_URL: 'smtp://mail:25' }).mailTransport,
    'outbox',
    'the explicit choice wins over SMTP_URL',
  );
  t.equal(refused({ ...production, MAIL_TRANSPORT: 'pigeon' }).variable, 'MAIL_TRANSPORT');
});

t.test('development keeps writing mail to the outbox unless SMTP_URL is set', async (t) => {
  const dataDir = tempDir(t);
  t.equal(loadConfig({ DATA_DIR: dataDir }).mailTransport, 'outbox');
  t.equal(loadConfig({ DATA_DIR: dataDir, SMTP_URL: 'smtp://127.0.0.1:2525' }).mailTransport, 'smtp');
  const fresh = tempDir(t);
  t.equal(refused({ DATA_DIR: fresh, MAIL_TRANSPORT: 'smtp' }).variable, 'SMTP_URL', 'smtp chosen without a URL');
  t.notOk(existsSync(join(fresh, 'secrets')), 'and no secret was generated for the refused start');
});

t.test('EVENTSTORE_URL: only the connection strings the client accepts', async (t) => {
  const dataDir = tempDir(t);
  for (const good of ['esdb://eventstore:2113?tls=false', 'esdb+discover://a:2113,b:2113?nodePreference=leader', 'esdb://admin:changeit@h:2113']) {
    t.equal(loadConfig({ DATA_DIR: dataDir, EVENTSTORE_URL: good }).eventStoreUrl, good, `${good} accepted`);
  }
  for (const bad of ['kurrentdb://h:2113', 'kdb://h:2113', 'http://h:2113', 'esdb://h:2113:1', 'esdb://h?tls=maybe', 'esdb://?tls=false', 'esdb://h:port']) {
    const error = refused({ DATA_DIR: dataDir, EVENTSTORE_URL: bad });
    t.equal(error.variable, 'EVENTSTORE_URL', `${bad} refused`);
  }
});

t.test('REPLAY_GRACE_MS: a whole number of milliseconds', async (t) => {
  const dataDir = tempDir(t);
  t.equal(loadConfig({ DATA_DIR: dataDir }).replayGraceMs, 5000);
  t.equal(loadConfig({ DATA_DIR: dataDir, REPLAY_GRACE_MS: '0' }).replayGraceMs, 0);
  t.equal(refused({ DATA_DIR: dataDir, REPLAY_GRACE_MS: 'soon' }).variable, 'REPLAY_GRACE_MS');
});

t.test('the server exits 78 naming the variable, before touching a store', async (t) => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...production, ARGON2_MEMORY_KIB: '19456', DATA_DIR: tempDir(t) }, /configuration error: SMTP_URL/],
    [{ DATA_DIR: tempDir(t), EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false' }, /configuration error: EVENTSTORE_URL/],
    [{ DATA_DIR: tempDir(t), EVENTSTORE_URL: 'esdb://localhost:2113:9' }, /configuration error: EVENTSTORE_URL/],
  ];
  for (const [env, message] of cases) {
    const { code, stderr } = await failedStart(env);
    t.equal(code, 78, `exit 78 for ${JSON.stringify(env.EVENTSTORE_URL ?? 'production without SMTP_URL')}`);
    t.match(stderr, message);
  }
});
