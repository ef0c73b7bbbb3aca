// A real local Redis Cluster for tests: six redis-server processes with
// --cluster-enabled yes on ports of their own, joined by
// `redis-cli --cluster create ... --cluster-replicas 1` into three masters with a
// replica each. One cluster per test process (started on first use, killed and
// its files removed when the process's root test ends); tests isolate
// themselves with a unique key prefix, as they do on the shared Redis.
// Without redis-server the cluster suites are skipped loudly (hasRedisServer).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, Redis } from 'ioredis';
import t from 'tap';
import type { RedisClusterNode } from '../../src/config.js';

/** Short, so a killed master's replica takes over within about two seconds. */
const NODE_TIMEOUT_MS = 1000;

export const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
export const NO_REDIS_SERVER = 'SKIPPED: redis-server is not installed, so no local Redis Cluster can run (.ci/run installs it)';

export interface ClusterProcess {
  readonly port: number;
  /** SIGKILL: gone at once, like a crashed machine. */
  kill(): Promise<void>;
  /** Starts again on the same port with the same node file (rejoins as a replica). */
  start(): Promise<void>;
}

export interface LocalRedisCluster {
  /** Seed nodes, for REDIS_CLUSTER_NODES / openRedisReadStore({ clusterNodes }). */
  readonly nodes: RedisClusterNode[];
  /** REDIS_CLUSTER_NODES's value. */
  readonly env: string;
  readonly processes: readonly ClusterProcess[];
  /** The process serving as master for `slot` right now. */
  masterOf(slot: number): Promise<ClusterProcess>;
  /** Waits until every live node reports cluster_state:ok and a master for every slot. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** A connected cluster client (close it yourself). */
  client(): Promise<Cluster>;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A port whose cluster bus port (port + 10000, fixed before Redis 7's
 * --cluster-port) is free too, so Redis 6 from a distribution package works.
 */
export async function freeNodePort(taken = new Set<number>()): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if (taken.has(port) || taken.has(port + 10000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10000))) {
      taken.add(port);
      taken.add(port + 10000);
      return port;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilAnswers(port: number): Promise<void> {
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    for (let i = 0; i < 200; i += 1) {
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch {
        probe.disconnect();
        await sleep(25);
      }
    }
    throw new Error(`redis-server did not start on ${port}`);
  } finally {
    probe.disconnect();
  }
}

async function startCluster(): Promise<LocalRedisCluster> {
  const root = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const children = new Set<ChildProcess>();
  const processes: ClusterProcess[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < 6; i += 1) {
    const port = await freeNodePort(taken);
    const dir = join(root, String(port));
    let child: ChildProcess | null = null;
    const proc: ClusterProcess = {
      port,
      async start() {
        spawnSync('mkdir', ['-p', dir]);
        const c = spawn(
          'redis-server',
          [
            '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
            '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', String(NODE_TIMEOUT_MS),
            '--appendonly', 'yes', '--appendfsync', 'always', '--save', '',
            // A replica takes over however long ago it last heard its master: on a busy test machine a
            // replica's link can lag past 10 node timeouts, and it would then refuse to fail over at all.
            '--cluster-replica-validity-factor', '0',
          ],
          { stdio: 'ignore' },
        );
        child = c;
        children.add(c);
        c.once('exit', () => children.delete(c));
        await untilAnswers(port);
      },
      async kill() {
        const c = child;
        if (!c || c.exitCode !== null || c.signalCode !== null) return;
        await new Promise((resolve) => {
          c.once('exit', resolve);
          c.kill('SIGKILL');
        });
      },
    };
    processes.push(proc);
  }
  const killAll = () => {
    for (const c of children) c.kill('SIGKILL');
  };
  process.once('exit', killAll); // a crashed test still leaves no servers behind
  t.teardown(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    rmSync(root, { recursive: true, force: true });
  });
  await Promise.all(processes.map((p) => p.start()));

  const created = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...processes.map((p) => `127.0.0.1:${p.port}`), '--cluster-replicas', '1', '--cluster-yes'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);

  const nodes = processes.map((p) => ({ host: '127.0.0.1', port: p.port }));
  const cluster: LocalRedisCluster = {
    nodes,
    env: nodes.map((n) => `${n.host}:${n.port}`).join(','),
    processes,
    async client() {
      const c = new Cluster(nodes, { lazyConnect: true, scaleReads: 'master', redisOptions: { maxRetriesPerRequest: 1 } });
      await c.connect();
      return c;
    },
    async masterOf(slot) {
      for (const p of processes) {
        const answer = await askNode(p.port, ['CLUSTER', 'SLOTS']);
        if (!answer) continue;
        for (const [from, to, master] of answer as [number, number, [string, number]][]) {
          if (slot >= from && slot <= to) return processes.find((q) => q.port === Number(master[1]))!;
        }
      }
      throw new Error(`no master serves slot ${slot}`);
    },
    async waitHealthy(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const infos = await Promise.all(processes.map((p) => askNode(p.port, ['CLUSTER', 'INFO'])));
        const live = infos.filter((i): i is string => typeof i === 'string');
        if (live.length > 0 && live.every((i) => /cluster_state:ok/.test(i) && /cluster_slots_ok:16384/.test(i))) return;
        if (Date.now() > deadline) throw new Error(`the Redis Cluster did not become healthy: ${live.join(' | ')}`);
        await sleep(100);
      }
    },
  };
  await cluster.waitHealthy();
  // Every node must also agree on the slot map before clients arrive.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const views = await Promise.all(processes.map((p) => askNode(p.port, ['CLUSTER', 'SLOTS'])));
    if (views.every((v) => Array.isArray(v) && v.length === 3)) break;
    await sleep(100);
  }
  return cluster;
}

/** One command to one node; null if it does not answer. */
async function askNode(port: number, command: string[]): Promise<unknown> {
  const r = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  r.on('error', () => {});
  try {
    await r.connect();
    return await r.call(command[0]!, ...command.slice(1));
  } catch {
    return null;
  } finally {
    r.disconnect();
  }
}

let shared: Promise<LocalRedisCluster> | null = null;

/** This process's cluster, started on first call. Only call when hasRedisServer. */
export function sharedRedisCluster(): Promise<LocalRedisCluster> {
  shared ??= startCluster();
  return shared;
}

/** A private cluster for a test that kills nodes (others in the process keep a healthy one). */
export function privateRedisCluster(): Promise<LocalRedisCluster> {
  return startCluster();
}
