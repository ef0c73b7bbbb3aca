// On a busy machine the event loop must not queue behind password hashing:
// argon2 runs on libuv's thread pool, and with every core hashing, a request
// as cheap as GET /health would wait for the scheduler. On Linux, threads
// have their own nice values, so every thread of this process but the event
// loop's (and those named in `keep`) is lowered to background priority: when
// the event loop has work it runs at once; when it has none, hashing gets
// every core as before. Elsewhere this does nothing.
import { readdirSync, readlinkSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { setPriority } from 'node:os';

export const BACKGROUND_NICE = 10;

/** This thread's id (Linux), read where the kernel names it. */
export function currentThreadId(): number | null {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
}

/** Lowers every other thread; answers how many were lowered (0 where unsupported). */
export async function backgroundHelperThreads(keep: number[] = []): Promise<number> {
  if (process.platform !== 'linux') return 0;
  const self = currentThreadId();
  if (self === null) return 0;
  // The pool's threads start with its first job: make sure they exist before listing them.
  await access('/proc/self/task');
  let lowered = 0;
  for (const entry of readdirSync('/proc/self/task')) {
    const tid = Number(entry);
    if (tid === self || keep.includes(tid)) continue;
    try {
      setPriority(tid, BACKGROUND_NICE);
      lowered += 1;
    } catch {
      // a thread that ended meanwhile, or no permission: leave it
    }
  }
  return lowered;
}
