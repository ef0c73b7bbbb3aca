// `npm run replay` tells the truth: a bar with total, percentage, rate and
// time left on a terminal, plain lines otherwise, and a last line with the
// real wall time and the grace wait (REPLAY_GRACE_MS) it included.
import t, { type Test } from 'tap';
import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { build, REDIS_URL } from '../support/app.js';

const run = promisify(execFile);
const haveScript = spawnSync('script', ['--version']).status === 0;

async function seeded(t: Test) {
  const prefix = `test:${randomUUID()}:`;
  const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const { app, dataDir } = await build(t, { env });
  for (let i = 0; i < 6; i += 1) {
    t.equal((await app.inject({ method: 'POST', url: '/register', payload: { username: `user${i}`, password: 'password1' } })).statusCode, 201);
  }
  await app.close();
  return { ...env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
}

t.test('not a terminal: plain lines, and the wall time with the grace wait in it', async (t) => {
  const env = await seeded(t);
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/tools/replay.ts'], {
    env: { ...process.env, ...env, REPLAY_GRACE_MS: '1200' },
  });
  t.notMatch(stderr, /\x1b\[/, 'no terminal escapes in a log');
  t.match(stderr, /^replaying: \d+ events \(100%\), switched$/m);
  t.match(stderr, /keeping the old ones 1\.20 s for queries still reading them \(REPLAY_GRACE_MS\)/);
  const events = Number(/replayed (\d+) events in ([\d.]+) s: \d+ events\/s/.exec(stdout)?.[1]);
  t.ok(events > 10, `replayed ${events} events`);
  const last = /took ([\d.]+) s in all, of which 1\.20 s was the grace wait before dropping the old generations \(REPLAY_GRACE_MS\)/.exec(stdout);
  t.ok(last, 'the last line names the wall time and the grace wait');
  t.ok(Number(last?.[1]) >= 1.2, `the wall time (${last?.[1]} s) includes the grace wait`);
});

t.test('on a terminal: a bar with total, percentage, rate and time left', { skip: !haveScript && 'no script(1) here' }, async (t) => {
  const env = await seeded(t);
  const vars = Object.entries({ ...env, REDIS_URL, REPLAY_GRACE_MS: '0' }).map(([k, v]) => `${k}='${v}'`).join(' ');
  const { stdout } = await run('script', ['-qfec', `env PATH='${process.env.PATH}' ${vars} '${process.execPath}' --import tsx src/tools/replay.ts`, '/dev/null']);
  const screen = stdout.replace(/\x1b\[[0-9;?]*[a-zA-Z]|\x1b[78]/g, '');
  const bar = /replaying \|[█░]+\| 100% \| (\d+) of (\d+) events \| \d+ events\/s \| 0 s left/.exec(screen);
  t.ok(bar, `the finished bar is on screen: ${screen.slice(0, 300)}`);
  t.equal(bar?.[1], bar?.[2], 'the total is the log head (the embedded store numbers its events)');
  t.match(screen, /took [\d.]+ s in all, of which 0\.00 s was the grace wait/);
});
