// openapi.yaml at the root is exactly what the routes declare, a valid
// OpenAPI 3 document (checked by a real validator), complete for every route,
// and served at /openapi.json with the interactive UI at /docs.
import t from 'tap';
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { generateOpenApiYaml } from '../src/tools/openapi.js';
import { generateClientTypes } from './client/generate.js';
import { build } from './support/app.js';

const committed = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
const FAMILY_TAGS = ['A: Dium', 'B: Users', 'C: Auth', 'D: Registration API', 'E: Products API'];

t.test('the committed openapi.yaml equals the routes (run `npm run openapi` after changing a route)', async (t) => {
  t.equal(committed, await generateOpenApiYaml());
});

t.test('the committed client types equal what openapi-typescript generates (npm run openapi)', async (t) => {
  const types = readFileSync(new URL('./client/schema.d.ts', import.meta.url), 'utf8');
  t.equal(types, await generateClientTypes(committed));
});

t.test('a valid OpenAPI 3 document', async (t) => {
  const api = await SwaggerParser.validate(parse(committed));
  t.match(api, { openapi: /^3\./ });
});

t.test('every operation: stable unique operationId, a family tag, described answers, 401 where protected', async (t) => {
  const doc = parse(committed) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const ids = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      const id = op.operationId as string;
      t.match(id, /^[a-z][A-Za-z0-9]+$/, `${where} has a camelCase operationId`);
      t.notOk(ids.has(id), `${where}: ${id} is unique`);
      ids.add(id);
      const tags = op.tags as string[];
      t.ok(tags?.length > 0 && tags.every((tag) => FAMILY_TAGS.includes(tag) || tag === 'Operations'), `${where} is tagged`);
      const responses = op.responses as Record<string, { description: string; content?: unknown }>;
      for (const [status, r] of Object.entries(responses)) {
        t.ok(r.description && r.description !== 'Default Response', `${where} ${status} is described`);
        t.ok(r.content, `${where} ${status} declares its body`);
      }
      if (path !== '/health' && path !== '/ready') t.ok(responses['503'], `${where} declares 503`);
      // Any method but GET reads a body, declared or not.
      if (op.requestBody || method !== 'get') for (const s of ['400', '413', '415']) t.ok(responses[s], `${where} declares ${s}`);
      if (op.security) t.ok(responses['401'], `${where} is protected, so it declares its 401`);
    }
  }
});

t.test('/openapi.json serves the same document; /docs serves the UI', async (t) => {
  const { app } = await build(t);
  const json = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.equal(json.statusCode, 200);
  t.same(json.json(), parse(committed));
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(docs.statusCode, 200);
  t.match(docs.headers['content-type'], /text\/html/);
  t.match(docs.body, /swagger-ui/i);
});
