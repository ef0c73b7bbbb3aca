// Imports run one way: routes → workflows → deciders/events; read-model key
// layouts live with their domain and projections import them; infra imports no
// domain module and no projection; shared types sit below both. This test reads
// the import specifiers of every source file (the TypeScript compiler's own
// pre-processor: static, re-export and dynamic imports) and checks each against
// the rules below.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;

/** Where a file sits in the layering, by its path from the repository root. */
type Place =
  | { layer: 'root' } // composition roots: src/app.ts, src/server.ts, src/stores.ts, src/tools/*
  | { layer: 'infra' }
  | { layer: 'shared' }
  | { layer: 'config' }
  | { layer: 'projection' }
  | { layer: 'domain'; domain: string; part: 'core' | 'schemas' | 'workflow' | 'routes' }
  | { layer: 'outside' }; // a package, node built-in, or a file outside src/ and projections/

export function placeOf(path: string): Place {
  if (path.startsWith('projections/')) return { layer: 'projection' };
  if (!path.startsWith('src/')) return { layer: 'outside' };
  const rest = path.slice('src/'.length);
  if (rest === 'app.ts' || rest === 'server.ts' || rest === 'stores.ts' || rest.startsWith('tools/')) return { layer: 'root' };
  if (rest.startsWith('infra/')) return { layer: 'infra' };
  if (rest.startsWith('shared/')) return { layer: 'shared' };
  if (rest === 'config.ts') return { layer: 'config' };
  // src/personal.ts wires the domains' personal fields into the sealed store: a domain module of its own.
  const slash = rest.indexOf('/');
  const domain = slash < 0 ? rest.replace(/\.ts$/, '') : rest.slice(0, slash);
  const file = posix.basename(rest, '.ts');
  const part =
    file === 'events' || file === 'decider' || file === 'read-model'
      ? 'core'
      : file === 'schemas'
        ? 'schemas'
        : file.startsWith('routes')
          ? 'routes'
          : 'workflow';
  return { layer: 'domain', domain, part };
}

/** The repository path a relative specifier names (".js" → ".ts"), or null for a package or built-in. */
export function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
}

/** Why `from` may not import `to` (both repository paths), or null when it may. */
export function violation(from: string, to: string): string | null {
  const a = placeOf(from);
  const b = placeOf(to);
  if (b.layer === 'outside') return null;
  if (b.layer === 'root' && a.layer !== 'root') return 'only composition roots import app, server, stores and tools';
  switch (a.layer) {
    case 'infra':
      return b.layer === 'infra' || b.layer === 'shared' || b.layer === 'config'
        ? null
        : 'infra imports no domain module and no projection';
    case 'shared':
      return b.layer === 'shared' ? null : 'shared types import nothing but shared types';
    case 'config':
      return 'config imports no other module of the service';
    case 'projection':
      if (b.layer === 'domain' && b.part !== 'core') return 'projections import only a domain’s events and read-model layout';
      return null;
    case 'domain':
      if (b.layer === 'projection') return 'a domain reads its read model through its own read-model module, never projections/';
      if (b.layer !== 'domain') {
        if (a.part === 'core' && to.startsWith('src/infra/http/')) return 'events and deciders import no HTTP layer';
        return null;
      }
      if (b.domain !== a.domain && b.part !== 'core') return 'another domain is used through its events and deciders only';
      if (a.part === 'core' && b.part !== 'core') return 'events, deciders and read-model layouts import no workflow, schema or route';
      if (a.part !== 'routes' && b.part === 'routes') return 'only routes import routes';
      return null;
    case 'root':
    case 'outside':
      return null;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(posix.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => posix.relative(root, posix.join(e.parentPath, e.name)));
}

function importsOf(path: string): string[] {
  const info = ts.preProcessFile(readFileSync(posix.join(root, path), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

t.test('the rules refuse imports that run the wrong way, and only those', async (t) => {
  // [importing file, specifier, allowed]
  const cases: [string, string, boolean][] = [
    ['src/infra/auth.ts', '../users/events.js', false],
    ['src/infra/auth.ts', '../../projections/users.js', false],
    ['src/infra/http/shell.ts', '../../personal.js', false],
    ['src/users/sign-in.ts', '../../projections/users.js', false],
    ['src/orders/queries.ts', '../../projections/orders.js', false],
    ['src/users/events.ts', '../infra/http/envelopes.js', false],
    ['src/users/decider.ts', './password-reset.js', false],
    ['src/users/password-reset.ts', './routes-c.js', false],
    ['src/orders/commands.ts', '../products/queries.js', false],
    ['projections/runner.ts', '../src/users/sign-in.js', false],
    ['projections/users.ts', '../src/users/routes-b.js', false],
    ['src/shared/family.ts', '../infra/http/envelopes.js', false],
    ['src/users/registration.ts', '../app.js', false],
    ['src/users/routes-b.ts', './sign-in.js', true],
    ['src/users/sign-in.ts', './read-model.js', true],
    ['src/users/events.ts', '../shared/family.js', true],
    ['src/infra/http/envelopes.ts', '../../shared/family.js', true],
    ['projections/users.ts', '../src/users/read-model.js', true],
    ['projections/runner.ts', '../src/infra/projection-status.js', true],
    ['src/orders/commands.ts', '../products/decider.js', true],
    ['src/app.ts', '../projections/runner.js', true],
    ['src/infra/mail.ts', '../config.js', true],
  ];
  for (const [from, specifier, allowed] of cases) {
    const why = violation(from, resolveSpecifier(from, specifier)!);
    if (allowed) t.equal(why, null, `${from} → ${specifier} is allowed`);
    else t.type(why, 'string', `${from} → ${specifier} is refused`);
  }
  t.equal(resolveSpecifier('src/infra/auth.ts', 'fastify'), null, 'packages are not ours to layer');
});

t.test('every import under src/ and projections/ runs one way', async (t) => {
  const files = [...sourceFiles('src'), ...sourceFiles('projections')];
  t.ok(files.length > 50, `read ${files.length} source files`);
  t.ok(files.includes('src/infra/auth.ts') && files.includes('projections/users.ts'), 'both trees are read');
  let edges = 0;
  const found: string[] = [];
  for (const from of files) {
    for (const specifier of importsOf(from)) {
      const to = resolveSpecifier(from, specifier);
      if (to === null) continue;
      edges++;
      const why = violation(from, to);
      if (why) found.push(`${from} imports ${specifier}: ${why}`);
    }
  }
  t.ok(edges > 200, `checked ${edges} imports between our own files`);
  t.same(found, [], 'no import runs the wrong way');
});
