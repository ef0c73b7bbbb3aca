// Starts the real service as `npm start` runs it (node dist/src/server.js, one
// process) with the environment a scenario needs, and reads its memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Service {
  url: string;
  pid: number;
  /** Resident set size and its peak, in MB, read from /proc. */
  memory(): { rssMb: number; peakRssMb: number };
  /** CPU time the process used so far (user + system, all its threads), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the kernel picks it), so a server left over from an earlier run is never mistaken for ours. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a node script and waits until `readyPath` answers 200 on its port. */
export async function spawnAndWait(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  timeoutMs = 300_000,
): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(url + readyPath);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} not ready after ${timeoutMs} ms: ${stderr}`);
    }
    // Every 10 ms: the restart scenario's 1 s target is read off this loop.
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    url,
    pid: child.pid!,
    memory: () => memoryOf(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    stop: () => stopChild(child),
  };
}

export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** utime + stime from /proc/<pid>/stat (clock ticks of 10 ms on Linux). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The service, configured for a scenario: Redis read models and the embedded store unless told otherwise. */
export function startService(env: Record<string, string>, dist = process.env.BENCH_DIST ?? 'dist'): Promise<Service> {
  // BENCH_CPU_PROF=<dir>: the service writes a V8 CPU profile there when it stops (read it with bench/lib/profile.ts).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_DIST=<dir>: another build of the service (e.g. the commit before a change, for a before/after in one sitting).
  const entry = `${dist}/src/server.js`;
  return spawnAndWait([...profile, entry], { LOG_LEVEL: 'warn', AUTH_RATE_LIMIT: '0', ...env }, '/ready');
}

/** A bare Fastify route returning a constant JSON body: the ceiling every result is read against. */
export function startBare(): Promise<Service> {
  return spawnAndWait(['--import', 'tsx', 'bench/lib/bare-server.ts'], {}, '/');
}
