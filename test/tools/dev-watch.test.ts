// `npm run dev` restarts the service when a source file changes.
import t from 'tap';
import { spawn } from 'node:child_process';
import { utimesSync } from 'node:fs';
import { tempDir } from '../support/app.js';
import { TEST_SERVER_ENV } from '../support/server.js';

t.test('npm run dev: a changed source restarts the server', async (t) => {
  const script = (JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('package.json', 'utf8'))) as { scripts: Record<string, string> }).scripts.dev!;
  t.match(script, /^tsx watch .*src\/server\.ts$/, 'the dev script watches the server');
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...script.split(' ').slice(1)], {
    env: { PATH: process.env.PATH ?? '', ...TEST_SERVER_ENV, DATA_DIR: tempDir(t) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: tsx's child server goes down with it
  });
  t.teardown(() => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const listening = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not listening ${n} times: ${out}`)), 60_000);
      const check = () => {
        if ((out.match(/Server listening at/g) ?? []).length >= n) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      check();
    });
  await listening(1);
  // tsx watches each file once the server has imported it, and the app's modules are imported
  // late in a start: the change is made again every half second until tsx has seen it.
  const seen = () => /change in \.\/src\/infra\/http\/params\.ts/.test(out);
  const touch = () => {
    if (seen()) return clearInterval(touching);
    const now = new Date();
    utimesSync('src/infra/http/params.ts', now, now);
  };
  const touching = setInterval(touch, 500);
  touch();
  await listening(2).finally(() => clearInterval(touching));
  t.match(out, /change in \.\/src\/infra\/http\/params\.ts Restarting/, 'tsx saw the change');
  const pids = [...out.matchAll(/"pid":(\d+)/g)].map((m) => m[1]);
  t.ok(new Set(pids).size >= 2, 'a new process serves after the change');
});
