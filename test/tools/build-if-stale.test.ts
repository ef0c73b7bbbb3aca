// `npm start` and the tools never run stale code: their pre-script compiles
// when a source is newer than the last build, and refuses when it cannot.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app.js';

const repo = new URL('../..', import.meta.url).pathname;

/** A tiny project laid out like this one, with the real script and the real TypeScript. */
function project(t: Parameters<typeof tempDir>[0], withTypescript: boolean): string {
  const dir = tempDir(t, 'stale');
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'projections'));
  copyFileSync(join(repo, 'scripts/build-if-stale.mjs'), join(dir, 'scripts/build-if-stale.mjs'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', outDir: 'dist', rootDir: '.', incremental: true, tsBuildInfoFile: 'dist/.tsbuildinfo', types: [] },
      include: ['src', 'projections'],
    }),
  );
  writeFileSync(join(dir, 'src/answer.ts'), 'export const answer: number = 41;\n');
  if (withTypescript) symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const run = (dir: string) => spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: dir, encoding: 'utf8' });
const built = (dir: string) => readFileSync(join(dir, 'dist/src/answer.js'), 'utf8');

t.test('builds when never built, skips when nothing changed, rebuilds after an edit', async (t) => {
  const dir = project(t, true);
  let r = run(dir);
  t.equal(r.status, 0, r.stderr);
  t.match(r.stderr, /never been built: building/);
  t.match(built(dir), /answer = 41/);

  r = run(dir);
  t.equal(r.status, 0);
  t.equal(r.stderr, '', 'nothing changed: no build');

  writeFileSync(join(dir, 'src/answer.ts'), 'export const answer: number = 42;\n');
  const later = new Date(Date.now() + 2000); // mtimes in the same tick as the build must still count as newer
  utimesSync(join(dir, 'src/answer.ts'), later, later);
  r = run(dir);
  t.equal(r.status, 0, r.stderr);
  t.match(r.stderr, /sources changed since the last build: building/);
  t.match(built(dir), /answer = 42/, 'dist/ has the edit');
});

t.test('a failing build stops the start', async (t) => {
  const dir = project(t, true);
  writeFileSync(join(dir, 'src/answer.ts'), 'export const answer: number = "not a number";\n');
  const r = run(dir);
  t.not(r.status, 0);
  t.match(r.stderr, /the build failed: not starting on stale code/);
});

t.test('without TypeScript installed, stale sources are refused with a message', async (t) => {
  const dir = project(t, false);
  const r = run(dir);
  t.equal(r.status, 1);
  t.match(r.stderr, /TypeScript is not installed here: run "npm ci && npm run build"/);
});

t.test("the typecheck never touches the build's stamp (dist/.tsbuildinfo)", async (t) => {
  // tsconfig.test.json extends the build's config; incremental there would rewrite the stamp
  // without emitting, and a changed source would then look built.
  const test = JSON.parse(readFileSync(join(repo, 'tsconfig.test.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  t.equal(test.compilerOptions.incremental, false);
  t.notOk(test.compilerOptions.tsBuildInfoFile, 'no stamp of its own in dist/ either');
});
