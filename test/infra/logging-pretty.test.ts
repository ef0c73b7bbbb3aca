// Logs are pino-pretty lines for a person at a terminal in development, and
// JSON everywhere else (pipes, production). `script` gives the server a real TTY.
import t from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { prettyByDefault } from '../../src/infra/logging.js';
import { tempDir } from '../support/app.js';
import { TEST_SERVER_ENV } from '../support/server.js';

t.test('pretty only on a terminal in development', async (t) => {
  t.equal(prettyByDefault({}, { isTTY: true }), true, 'NODE_ENV unset means development');
  t.equal(prettyByDefault({ NODE_ENV: 'development' }, { isTTY: true }), true);
  t.equal(prettyByDefault({ NODE_ENV: 'production' }, { isTTY: true }), false);
  t.equal(prettyByDefault({ NODE_ENV: 'test' }, { isTTY: true }), false);
  t.equal(prettyByDefault({ NODE_ENV: 'development' }, { isTTY: false }), false, 'a pipe gets JSON');
});

/** Starts the server under `script` (a pseudo-terminal) and returns what it printed up to "listening". */
async function onTerminal(env: Record<string, string>): Promise<string> {
  const vars = Object.entries({ ...TEST_SERVER_ENV, ...env }).map(([k, v]) => `${k}='${v}'`).join(' ');
  const child = spawn('script', ['-qfec', `env ${vars} '${process.execPath}' --import tsx src/server.ts`, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 60_000);
    child.stdout.on('data', () => {
      if (/listening/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.kill('SIGTERM');
  spawnSync('pkill', ['-TERM', '-P', String(child.pid)]);
  return out.replace(/\x1b\[[0-9;]*m/g, '');
}

const haveScript = spawnSync('script', ['--version']).status === 0;

t.test('the server on a terminal: pretty in development, JSON in production', { skip: !haveScript && 'no script(1) here' }, async (t) => {
  const dev = await onTerminal({ DATA_DIR: tempDir(t), NODE_ENV: 'development' });
  t.match(dev, /\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Server listening at http:\/\/127\.0\.0\.1:\d+/, 'a human line');
  t.notMatch(dev, /"level":30/, 'no JSON');
  const prod = await onTerminal({
    DATA_DIR: tempDir(t),
    NODE_ENV: 'production',
    JWT_SECRET: 'j'.repeat(48),
    OTP_SECRET: 'o'.repeat(48),
    DATA_KEY_SECRET: 'd'.repeat(48),
    ARGON2_MEMORY_KIB: '19456',
    MAIL_TRANSPORT: 'outbox',
  });
  t.match(prod, /\{"level":30,.*"msg":"Server listening at http:\/\/127\.0\.0\.1:\d+"/, 'JSON lines in production, terminal or not');
});
