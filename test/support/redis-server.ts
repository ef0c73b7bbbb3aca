// A private redis-server for tests that stop Redis (the shared one on 6379
// serves the other test files in parallel). It keeps an append-only file in
// its own directory, so a restart finds what was there, as a production Redis would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { tempDir } from './app.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

export interface PrivateRedis {
  url: string;
  /** SIGKILL: gone at once, like a crash. */
  kill(): Promise<void>;
  /** Starts again on the same port with the same files. */
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function privateRedis(t: Teardown): Promise<PrivateRedis> {
  const dir = tempDir(t, 'redis');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''],
      { stdio: 'ignore' },
    );
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    for (let i = 0; i < 100; i += 1) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    probe.disconnect();
    throw new Error(`redis-server did not start on ${port}`);
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise((resolve) => {
      c.once('exit', resolve);
      c.kill('SIGKILL');
    });
  };
  t.teardown(kill);
  await start();
  return { url, kill, start };
}
