// Fault 3: the event store goes away. The EventStoreDB emulator is killed and
// restarted under a running service, and the embedded store's disk fills up.
// Each time: 503 with a clear message, no partial state, recovery without a
// restart. (A read-only remount cannot be produced here: the kernel refuses
// to remount a filesystem read-only while the store holds its file open for
// writing; SQLite reports that case as SQLITE_READONLY, which the store maps
// to the same 503 as a full disk.)
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../support/app.js';
import { eventStoreOutage } from '../support/faults.js';
import { signedInUser } from '../support/signed-in-user.js';

for (const batchAppend of [false, true]) {
  t.test(`EventStoreDB (emulator, ${batchAppend ? 'BatchAppend' : 'Append'}) killed and restarted under load`, async (t) => {
    await eventStoreOutage(t, { batchAppend, loadMs: 300, workers: 4, outages: 1, outageMs: 200 });
  });
}

/** A tiny filesystem of our own, so filling it up cannot disturb anything else. */
function mountTmpfs(megabytes: number): { dir: string; unmount(): void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const tmpfs = mountTmpfs(4);
const noMount =
  'SKIPPED: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN, as on the dev and CI machines); the disk-full fault is untested on this machine';
if (!tmpfs) process.stderr.write(`${noMount}\n`);

t.test('embedded store: the disk fills up, then has room again', { skip: tmpfs ? false : noMount }, async (t) => {
  const disk = tmpfs!.dir;
  t.teardown(() => tmpfs!.unmount());
  const dataDir = join(disk, 'data');
  mkdirSync(dataDir);
  const { app } = await build(t, { dataDir });
  const user = await signedInUser(app, 'filler');
  const filler = join(disk, 'filler');
  try {
    writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024)); // more than fits: fills the disk to the last block
  } catch (error) {
    t.equal((error as NodeJS.ErrnoException).code, 'ENOSPC', 'the disk is full');
  }
  const acknowledged: string[] = [];
  let refused: { statusCode: number; json(): unknown } | null = null;
  for (let i = 0; i < 500 && !refused; i += 1) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/data',
      headers: user.auth,
      payload: { key: `k${i}`, value: 'v'.repeat(2000) },
    });
    if (res.statusCode === 201) acknowledged.push(`k${i}`);
    else refused = res;
  }
  t.ok(refused, `a write was refused once the disk was full (after ${acknowledged.length} more)`);
  t.equal(refused?.statusCode, 503);
  t.match(refused?.json(), { status: 'error', code: 'SERVICE_UNAVAILABLE', message: /unavailable/ });
  const ready = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(ready.statusCode, 200, 'reads still work: the store is reachable');

  rmSync(filler);
  const again = await app.inject({ method: 'POST', url: '/api/data', headers: user.auth, payload: { key: 'after', value: 1 } });
  t.equal(again.statusCode, 201, 'writes succeed again without a restart');
  for (const key of [...acknowledged, 'after']) {
    const res = await app.inject({ method: 'GET', url: `/api/data/${key}`, headers: user.auth });
    if (res.statusCode !== 200) t.fail(`${key} lost`);
  }
  const refusedKey = `k${acknowledged.length}`;
  const retry = await app.inject({ method: 'POST', url: '/api/data', headers: user.auth, payload: { key: refusedKey, value: 2 } });
  t.equal(retry.statusCode, 201, 'the refused write left no partial state (its key is free)');
});

