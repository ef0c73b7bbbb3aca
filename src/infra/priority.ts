// On a busy machine the event loop must not queue behind password hashing:
// argon2 runs on libuv's thread pool, and with every core hashing, a request
// as cheap as GET /health would wait for the scheduler. On Linux, threads
// have their own nice values, so the pool's threads are lowered to
// background priority: when the event loop (or V8's GC helpers, which it
// waits for) has work, it runs at once; when not, hashing gets every core as
// before. Elsewhere this does nothing.
import { readlink } from 'node:fs/promises';
import { setPriority } from 'node:os';

export const BACKGROUND_NICE = 10;

/**
 * The ids of libuv's pool threads. Reading /proc/thread-self names the
 * thread that reads it, and fs.promises runs that read on a pool thread: a
 * burst of such reads meets every thread of the pool.
 */
async function poolThreadIds(size: number): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let round = 0; round < 20 && seen.size < size; round += 1) {
    const links = await Promise.all(Array.from({ length: size * 16 }, () => readlink('/proc/thread-self')));
    for (const link of links) seen.add(Number(link.split('/').pop()));
  }
  return seen;
}

/** Lowers the priority of libuv's pool threads; answers how many were lowered (0 where unsupported). */
export async function backgroundThreadPool(): Promise<number> {
  if (process.platform !== 'linux') return 0;
  const size = Number(process.env.UV_THREADPOOL_SIZE) || 4; // libuv's default
  let threads: Set<number>;
  try {
    threads = await poolThreadIds(size);
  } catch {
    return 0; // no /proc: leave the priorities alone
  }
  let lowered = 0;
  for (const tid of threads) {
    if (tid === process.pid) continue; // never the event loop itself
    try {
      setPriority(tid, BACKGROUND_NICE);
      lowered += 1;
    } catch {
      // no permission: leave it
    }
  }
  return lowered;
}
