// Generates the typed client's types from openapi.yaml (openapi-typescript).
// `npm run openapi` writes test/client/schema.d.ts; the drift test compares.
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = '// Generated from openapi.yaml by openapi-typescript (npm run openapi). Do not edit.\n\n';

export async function generateClientTypes(yamlText: string): Promise<string> {
  const ast = await openapiTS(yamlText);
  return HEADER + astToString(ast);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const root = new URL('../../', import.meta.url);
  const types = await generateClientTypes(readFileSync(new URL('openapi.yaml', root), 'utf8'));
  writeFileSync(new URL('test/client/schema.d.ts', root), types);
  process.stdout.write('wrote test/client/schema.d.ts\n');
}
