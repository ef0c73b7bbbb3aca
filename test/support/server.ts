// Runs the service as a child process (as `npm start` does, from the
// TypeScript sources) on a random port, for tests over real sockets, restarts
// and kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Every stdout line (pino JSON) so far. */
  lines: string[];
  stderr: () => string;
  /** Whether a stdout line matching `test` arrives within `ms` (the log is written after the answer, so it may trail it). */
  waitForLine(test: (line: string) => boolean, ms?: number): Promise<boolean>;
  /** Sends the signal and resolves with the exit code (or the signal's name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

interface Teardown {
  teardown(fn: () => unknown): void;
}

export const TEST_SERVER_ENV = {
  NODE_ENV: 'test',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  AUTH_RATE_LIMIT: '0',
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_TIME_COST: '1',
};

export function startServer(
  t: Teardown,
  env: Record<string, string>,
  entry = 'src/server.ts',
): Promise<RunningServer> {
  if (env.LOG_LEVEL && !['info', 'debug', 'trace'].includes(env.LOG_LEVEL)) {
    throw new Error('startServer waits for the "Server listening" info line: LOG_LEVEL must be info or lower');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH ?? '', ...TEST_SERVER_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  t.teardown(() => stop('SIGKILL'));
  const waitForLine = async (test: (line: string) => boolean, ms = 5_000) => {
    const until = Date.now() + ms;
    while (!lines.some(test)) {
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  };
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      lines.push(line);
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(line);
      if (m) resolve({ url: m[1]!, child, lines, stderr: () => stderr, waitForLine, stop });
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
}

/** Starts the server and expects it to refuse: resolves with its exit code and stderr. */
export async function failedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', ...TEST_SERVER_ENV, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}
