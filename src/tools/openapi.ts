// npm run openapi: writes openapi.yaml at the repository root from what the
// routes declare (the same document GET /openapi.json serves). A test fails
// when the committed file differs from the routes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { stringify } from 'yaml';

/** The document as YAML, without anchors and aliases (plainer for readers and generators). */
const toYaml = (document: unknown): string => stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });

/** The document as the routes declare it, for the default configuration plus the admin routes (which ADMIN_TOKEN turns on). */
export async function generateOpenApiYaml(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-openapi-'));
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ADMIN_TOKEN: 'x'.repeat(32) });
    const app = await buildApp({ config });
    try {
      return toYaml(app.swagger());
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const yaml = await generateOpenApiYaml();
  const target = resolve(process.cwd(), 'openapi.yaml');
  writeFileSync(target, yaml);
  process.stdout.write(`wrote ${target}\n`);
}
