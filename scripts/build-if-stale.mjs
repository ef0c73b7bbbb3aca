// Runs before `npm start`, `replay`, `audit` and `projector` (their npm pre-scripts):
// dist/ must never run older code than the sources. When a source file is newer
// than the last build, compile (tsc -b, incremental); when the compiler is not
// installed (a production install), refuse with a message instead of running
// stale code. Plain JavaScript, so it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.tsbuildinfo');
const sources = ['src', 'projections'];
const configs = ['tsconfig.json', 'package-lock.json'];

/** The newest modification time under a folder (TypeScript sources only). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.ts') || configs.some((c) => path.endsWith(c)) ? stat.mtimeMs : 0;
  let latest = stat.mtimeMs; // a deleted file shows as a newer folder
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function stale() {
  // An image holding only dist/ (the Dockerfile's) has nothing to be stale against.
  if (!sources.some((s) => existsSync(join(root, s)))) return null;
  if (!existsSync(stamp)) return 'dist/ has never been built';
  const built = statSync(stamp).mtimeMs;
  const changed = Math.max(...[...sources, ...configs].map((p) => join(root, p)).filter(existsSync).map(newest));
  return changed > built ? 'the sources changed since the last build' : null;
}

const reason = stale();
if (reason) {
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write(`${reason}, and TypeScript is not installed here: run "npm ci && npm run build" first (dist/ would run stale code).\n`);
    process.exit(1);
  }
  process.stderr.write(`${reason}: building (tsc -b)\n`);
  const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('the build failed: not starting on stale code\n');
    process.exit(result.status ?? 1);
  }
}
