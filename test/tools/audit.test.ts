// npm run audit: an account's history from the event log, oldest first, with
// times and what happened, and no secrets; also after deletion.
import t from 'tap';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { auditLines } from '../../src/tools/audit.js';
import { openPersonalData } from '../../src/personal.js';
import { bearer, buildWithMail } from '../support/accounts.js';

const run = promisify(execFile);

t.test('audit', async (t) => {
  const m = await buildWithMail(t);
  const { post, sink, app } = m;
  // The log as the tool reads it: personal fields opened with the accounts' keys, or erased.
  const personal = await openPersonalData(m.config, m.eventStore);
  t.teardown(() => personal.dataKeys.close());
  const log = personal.eventStore;
  const audit = (identifier: string) => auditLines(log, personal.names, identifier);
  const secrets: string[] = [];
  const keep = <T extends string>(s: T) => {
    secrets.push(s);
    return s;
  };

  // A whole life: B registration, a superseded code, a wrong code, verification,
  // sessions, a reset link, A's reset code voided by wrong guesses, deletion.
  await post('/users/register', { username: 'audited', email: 'Audited@Example.com', password: keep('first-password') });
  keep(sink.code('audited@example.com'));
  await post('/users/resend-verification-code', { email: 'audited@example.com' });
  const code = keep(sink.code('audited@example.com'));
  const wrong = code === '999999' ? '100000' : String(Number(code) + 1);
  await post('/users/verify-sentcode', { email: 'audited@example.com', password: 'first-password', code: wrong });
  await post('/users/verify-sentcode', { email: 'audited@example.com', password: 'first-password', code });
  const session = (await post('/users/login', { email: 'audited@example.com', password: 'first-password' })).json();
  keep(session.sessionId);
  keep(session.token);
  await app.inject({ method: 'GET', url: '/logout', headers: bearer(session.token) });
  const c = (await post('/auth', { username: 'audited', password: 'first-password' })).json();
  keep(c.token);
  await post('/users/reset-password', { email: 'audited@example.com' });
  const link = keep(sink.resetToken('audited@example.com'));
  await post(`/users/reset-password/${link}`, { password: keep('second-password') });
  await post('/reset', { username: 'audited', email: 'audited@example.com' });
  const otp = Number(keep(sink.code('audited@example.com')));
  for (let i = 0; i < 5; i++) await post('/new-password', { username: 'audited', otp: otp === 999999 ? 100000 : otp + 1, password: 'third-password' });
  await app.inject({ method: 'DELETE', url: '/users/delete-user', payload: { email: 'audited@example.com', password: 'second-password' } });
  // Someone else takes the name afterwards.
  await post('/auth/create', { username: 'AUDITED', email: 'newcomer@example.com', password: keep('newcomer-password') });

  // The account was deleted: its personal data is erased, its history stays.
  const expected = [
    /username \[erased\] claimed$/,
    /email \[erased\] claimed$/,
    /registered as \[erased\] \(via B\), email to be verified before sign-in$/,
    /email verification requested \(via B\)$/,
    /email verification code issued \(via B\), expires \S+$/,
    /email verification requested \(via B\)$/,
    /email verification code voided: a newer one was issued$/,
    /email verification code issued \(via B\)/,
    /wrong email verification code presented \(attempt 1 of 5, via B\)$/,
    /email verification code used \(via B\)$/,
    /email verified \(via B\)$/,
    /session started \(via B\), expires \S+$/,
    /1 session ended: logout \(via B\)$/,
    /session started \(via C\)/,
    /password reset requested, by mailed link \(via B\)$/,
    /password reset link issued \(via B\)/,
    /password reset link used \(via B\)$/,
    /password reset \(via B\)$/,
    /1 session ended: password reset \(via B\)$/,
    /password reset requested, by mailed code \(via A\)$/,
    /password reset code issued \(via A\)/,
    /wrong password reset code presented \(attempt 1 of 5, via A\)$/,
    /attempt 2 of 5/,
    /attempt 3 of 5/,
    /attempt 4 of 5/,
    /attempt 5 of 5/,
    /password reset code voided: 5 wrong attempts$/,
    /account deleted \(via B\)$/,
    /username released$/,
    /email released$/,
  ];

  t.test('by email: every event of the account, oldest first, with times', async (t) => {
    const lines = await audit('audited@example.com');
    t.equal(lines.length, expected.length, lines.join('\n'));
    expected.forEach((re, i) => t.match(lines[i], re, `line ${i + 1}`));
    const times = lines.map((l) => l.split(/\s+/)[0]!);
    for (const time of times) t.ok(!Number.isNaN(Date.parse(time)), `${time} is a time`);
    t.same([...times].sort(), times, 'oldest first');
    t.ok(lines.every((l) => /^\S+  user \d+  /.test(l)), 'each line names the account');
    t.notMatch(lines.join('\n'), /audited@|"audited"/i, 'no personal value of the erased account');
    const id = /user (\d+)/.exec(lines[0]!)![1]!;
    t.same(await audit(id), lines, 'by account id: the same history');
  });

  t.test('no secrets: no password, code, token, session id, hash or HMAC', async (t) => {
    const lines = (await audit('audited@example.com')).join('\n');
    const stored: string[] = [];
    for await (const e of m.eventStore.readAll()) {
      const d = e.data as Record<string, unknown>;
      for (const k of ['passwordHash', 'codeKey', 'sessionKey']) if (typeof d[k] === 'string') stored.push(d[k] as string);
      if (Array.isArray(d.sessionKeys)) stored.push(...(d.sessionKeys as string[]));
    }
    t.ok(stored.length > 10, 'there are hashes in the log to leak');
    for (const s of [...secrets, ...stored]) t.notOk(lines.includes(s), `not in the audit: ${s.slice(0, 6)}…`);
    t.notMatch(lines, /\$argon2/);
  });

  t.test('by username: the deleted account and the one that took the name since', async (t) => {
    const lines = await audit('Audited');
    const ids = new Set(lines.map((l) => /user (\d+)/.exec(l)![1]));
    t.equal(ids.size, 2, 'both accounts that held the name');
    t.match(lines[lines.length - 1], /registered as "AUDITED" <newcomer@example.com> \(via C\)$/);
    const newcomer = await audit('newcomer@example.com');
    t.equal(newcomer.length, 3, 'the newcomer by email: its own claims and registration only');
    t.same(await audit('nobody@example.com'), []);
  });

  t.test('the command line prints the same, from the store DATA_DIR names (one run: it starts a process)', async (t) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/tools/audit.ts', 'audited@example.com'], {
      env: { ...process.env, DATA_DIR: m.dataDir, NODE_ENV: 'test', EVENTSTORE_URL: '' },
    });
    const [header, ...rest] = stdout.trimEnd().split('\n');
    t.match(header, /^History of "audited@example.com" \(embedded event store\), oldest first:$/);
    t.same(rest, await audit('audited@example.com'));
  });
});
