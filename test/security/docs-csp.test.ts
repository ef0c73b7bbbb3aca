// The /docs page (swagger-ui) still works under its Content-Security-Policy:
// headless Chromium loads it from the real server and must render every
// operation, with no script, request, image or font blocked by the policy.
// Needs Chromium (`apt-get install -y chromium`, or CHROMIUM_PATH); skipped,
// loudly, without it.
import t from 'tap';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../support/app.js';
import { routesFromOpenApi } from '../support/routes.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function chromium(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'chronicle-chromium-'));
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    // Console messages (CSP violations among them) go to stderr.
    '--enable-logging=stderr',
    '--v=0',
    // Waits until the page has fetched the document and rendered it.
    '--virtual-time-budget=15000',
  ];
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, [...flags, ...args], { timeout: 90_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

if (!existsSync(CHROMIUM)) {
  const why = `SKIPPED: no Chromium at ${CHROMIUM}; the /docs CSP check runs with \`apt-get install -y chromium\` or CHROMIUM_PATH set`;
  process.stderr.write(`\n*** ${why} ***\n\n`);
  t.test('swagger-ui renders every operation under the /docs CSP', { skip: why }, () => {});
} else {
  t.test('swagger-ui renders every operation under the /docs CSP', async (t) => {
    const { app } = await build(t);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const page = `http://127.0.0.1:${port}/docs/`;
    const head = await fetch(page);
    t.match(head.headers.get('content-security-policy'), /script-src 'self'; style-src 'self'$/, 'the page is served under the docs CSP');

    const { stdout: dom, stderr } = await chromium(['--dump-dom', page]);
    const paths = new Set([...dom.matchAll(/class="opblock-summary-path" data-path="([^"]+)"/g)].map((m) => m[1]));
    const documented = new Set((await routesFromOpenApi()).map((r) => r.path));
    t.ok(documented.size > 20, `${documented.size} documented paths`);
    for (const path of documented) t.ok(paths.has(path), `rendered: ${path}`);

    const violations = stderr.split('\n').filter((l) => /Content Security Policy/.test(l));
    // swagger-ui sets styles through the DOM (allowed); one feature probe in its bundle applies an
    // inline style that the policy blocks, with no visible effect. Anything else blocked is a failure.
    const blocking = violations.filter((l) => !/Applying inline style violates the following Content Security Policy directive 'style-src 'self''/.test(l));
    t.same(blocking, [], 'no script, request, image or font is blocked');
    t.ok(violations.length <= 2, `at most the known inline-style probe (${violations.length})`);
  });
}
