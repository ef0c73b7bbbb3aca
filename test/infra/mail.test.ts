// Mail: SMTP when SMTP_URL is set, .eml files in DATA_DIR/outbox otherwise; a
// mail that cannot be sent is a 503 in the family's envelope and a log line.
import t from 'tap';
import { createServer } from 'node:net';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESET_SENT } from '../../src/users/routes-a.js';
import { build, tempDir } from '../support/app.js';
import { buildWithMail, poster } from '../support/accounts.js';
import { parseMail } from '../support/smtp-sink.js';

/** A local port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

t.test('without SMTP_URL each mail is an .eml file in DATA_DIR/outbox', async (t) => {
  const { app, dataDir } = await build(t);
  const post = poster(app);
  const res = await post('/users/register', { username: 'outboxed', email: 'out@example.com', password: 'password-o' });
  t.equal(res.json().responseCode, 615);
  const files = readdirSync(join(dataDir, 'outbox'));
  t.equal(files.length, 1);
  t.match(files[0], /\.eml$/);
  const mail = parseMail(readFileSync(join(dataDir, 'outbox', files[0]!), 'utf8'));
  const code = /^(\d{6})$/m.exec(mail.text)?.[1];
  t.ok(code, 'a standalone 6-digit code');
  const verified = await post('/users/verify-sentcode', { email: 'out@example.com', password: 'password-o', code });
  t.equal(verified.json().responseCode, 605, 'and it is the real one');
  await post('/users/reset-password', { email: 'out@example.com' });
  const link = readdirSync(join(dataDir, 'outbox'))
    .map((f) => parseMail(readFileSync(join(dataDir, 'outbox', f), 'utf8')).text)
    .find((text) => text.includes('/users/reset-password/'));
  t.match(link, /^\/users\/reset-password\/[1-9][0-9]*\.[A-Za-z0-9_-]{32}$/m, 'the reset path on a line of its own');
});

t.test('an outbox that cannot be written is a 503', async (t) => {
  const dataDir = tempDir(t);
  writeFileSync(join(dataDir, 'outbox'), 'not a directory');
  const { app, logs } = await build(t, { dataDir });
  const res = await poster(app)('/users/register', { username: 'blocked', email: 'blocked@example.com', password: 'password-b' });
  t.equal(res.statusCode, 503);
  t.match(res.json(), { statusCode: 503, responseCode: 503, error: 'Mail could not be sent, please try again later' });
  t.ok(logs.lines.some((l) => l.includes('mail could not be written to the outbox')), 'logged');
});

t.test('SMTP down: a 503 in every family envelope, a log line, and the service goes on', async (t) => {
  const port = await closedPort();
  const { app, logs } = await build(t, { env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  const post = poster(app);
  const reg = await post('/users/register', { username: 'no_smtp', email: 'nosmtp@example.com', password: 'password-n' });
  t.equal(reg.statusCode, 503);
  t.same(reg.json(), { statusCode: 503, responseCode: 503, error: 'Mail could not be sent, please try again later' });
  t.equal(reg.headers['retry-after'], '30');
  t.ok(logs.lines.some((l) => /"level":50.*mail could not be sent/.test(l)), 'an error line');

  await post('/register', { username: 'dium_down', password: 'password-d', email: 'dd@example.com' });
  for (const body of [
    { username: 'dium_down', email: 'dd@example.com' },
    { username: 'nobody_at_all', email: 'dd@example.com' },
  ]) {
    const res = await post('/reset', body);
    t.equal(res.statusCode, 503, `A /reset ${body.username}: the same 503 known or not`);
    t.same(res.json(), { error: 'Mail could not be sent, please try again later' });
  }
  for (const email of ['dd@example.com', 'unknown@example.com']) {
    const res = await post('/auth/forgot', { email });
    t.equal(res.statusCode, 503, `C /auth/forgot ${email}`);
  }
  const health = await app.inject({ method: 'GET', url: '/health' });
  t.equal(health.statusCode, 200, 'still serving');
  t.equal((await post('/login', { username: 'dium_down', password: 'password-d' })).statusCode, 200);
});

t.test('SMTP refusing a recipient: B says 503; A and C answer as for an unknown account', async (t) => {
  const m = await buildWithMail(t);
  const { post, sink, logs } = m;
  await m.post('/register', { username: 'refused', password: 'password-r', email: 'refused@example.com' });
  sink.reject = { code: 550, message: 'mailbox unavailable' };
  const b = await post('/users/reset-password', { email: 'refused@example.com' });
  t.equal(b.statusCode, 503);
  t.match(b.json(), { responseCode: 503 });
  const known = await post('/reset', { username: 'refused', email: 'refused@example.com' });
  const unknown = await post('/reset', { username: 'nobody_at_all', email: 'refused@example.com' });
  t.equal(known.statusCode, 200);
  t.same(known.json(), { message: RESET_SENT });
  t.equal(unknown.body, known.body);
  t.equal((await post('/auth/forgot', { email: 'refused@example.com' })).statusCode, 200);
  t.ok(logs.lines.filter((l) => l.includes('mail could not be sent')).length >= 3, 'each failed send is logged');
  sink.reject = null;
  t.equal((await post('/users/reset-password', { email: 'refused@example.com' })).json().responseCode, 612, 'fine again');
});
