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
      t.ok(tags?.length > 0 && tags.every((tag) => FAMILY_TAGS.includes(tag) || tag === 'Operations' || tag === 'Admin'), `${where} is tagged`);
      const responses = op.responses as Record<string, { description: string; content?: unknown }>;
      for (const [status, r] of Object.entries(responses)) {
        t.ok(r.description && r.description !== 'Default Response', `${where} ${status} is described`);
        t.ok(r.content, `${where} ${status} declares its body`);
      }
      if (path !== '/health' && path !== '/ready') t.ok(responses['503'], `${where} declares 503`);
      // Any method but GET reads a body, declared or not.
      if (op.requestBody || method !== 'get') for (const s of ['400', '413', '415']) t.ok(responses[s], `${where} declares ${s}`);
      // Protected: some credentials required (an empty alternative, as on /logout, means none are).
      const security = op.security as Record<string, unknown>[] | undefined;
      if (security && !security.some((s) => Object.keys(s).length === 0)) t.ok(responses['401'], `${where} is protected, so it declares its 401`);
    }
  }
});

t.test('/openapi.json serves the same document; /docs serves the UI', async (t) => {
  // The document includes the operators' routes, which exist only with ADMIN_TOKEN.
  const { app } = await build(t, { env: { ADMIN_TOKEN: 'x'.repeat(32) } });
  const json = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.equal(json.statusCode, 200);
  t.same(json.json(), parse(committed));
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(docs.statusCode, 200);
  t.match(docs.headers['content-type'], /text\/html/);
  t.match(docs.body, /swagger-ui/i);
});

type Doc = {
  servers?: { url: string }[];
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Record<string, any>>>;
};

t.test('plain for generators: servers, named bodies, /logout security, one address schema', async (t) => {
  const doc = parse(committed) as Doc;
  t.same(doc.servers?.map((s) => s.url), ['http://127.0.0.1:3000'], 'generated fetch clients get an absolute default URL');
  const schemas = doc.components.schemas;
  for (const name of ['Product', 'ProductPage', 'ProductInput', 'Order', 'OrderInput', 'OrderList', 'DataItem', 'DataItemInput', 'DeliveryAddress', 'ErrorBody', 'UsersApiBody', 'RegistrationApiError']) {
    t.ok(schemas[name], `${name} is a named component`);
  }
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body) t.match(body, { $ref: /^#\/components\/schemas\/\w+$/ }, `${where}: the request body is a named schema`);
      for (const [status, r] of Object.entries(op.responses as Record<string, any>)) {
        const schema = r.content?.['application/json']?.schema;
        if (schema) t.match(schema, { $ref: /^#\/components\/schemas\/\w+$/ }, `${where} ${status}: a named schema`);
      }
    }
  }
  t.same(doc.paths['/logout']!.get!.security, [{ sessionCookie: [] }, { bearerAuth: [] }, {}], '/logout: cookie, bearer, or nothing');
  t.match(doc.components.securitySchemes.sessionCookie, { type: 'apiKey', in: 'cookie', name: 'sessionId' });
  const create = schemas[doc.paths['/auth/create']!.post!.requestBody.content['application/json'].schema.$ref.split('/').pop()]!;
  const properties = create.properties as Record<string, unknown>;
  t.same(properties['delivery Address'], { $ref: '#/components/schemas/DeliveryAddress' });
  t.same(properties.deliveryAddress, { $ref: '#/components/schemas/DeliveryAddress' }, 'both spellings, one schema');
  t.same(Object.keys((schemas.DeliveryAddress!.properties as object | undefined) ?? {}), [], 'a map of text, without named properties beside it');
  t.match(schemas.DeliveryAddress, { type: 'object', additionalProperties: { type: 'string', maxLength: 256 }, maxProperties: 20 });
});

t.test("D's code and B's responseCode are enums per operation", async (t) => {
  const doc = parse(committed) as Doc;
  const schemaOf = (path: string, method: string, status: string) => {
    const ref = doc.paths[path]![method]!.responses[status].content['application/json'].schema.$ref as string;
    return doc.components.schemas[ref.split('/').pop()!]! as { properties: Record<string, { enum?: unknown[] }> };
  };
  t.same(schemaOf('/api/register', 'post', '409').properties.code!.enum, ['USERNAME_EXISTS', 'EMAIL_EXISTS']);
  t.same(schemaOf('/api/register', 'post', '400').properties.code!.enum, ['INVALID_REQUEST', 'INVALID_PASSWORD', 'INVALID_AGE', 'GENDER_REQUIRED']);
  t.same(schemaOf('/api/token', 'post', '401').properties.code!.enum, ['INVALID_CREDENTIALS']);
  // A key of `..` makes the URL another path: D's NOT_FOUND (the fuzzer found it).
  t.same(schemaOf('/api/data/{key}', 'get', '404').properties.code!.enum, ['KEY_NOT_FOUND', 'NOT_FOUND']);
  t.same(schemaOf('/api/data', 'post', '401').properties.code!.enum, ['INVALID_TOKEN']);
  t.same([...schemaOf('/users/login', 'post', '200').properties.responseCode!.enum!].sort(), [601, 602, 603, 609], 'B login: its four outcomes');
  t.same(schemaOf('/users/register', 'post', '400').properties.responseCode!.enum, [600]);
  t.same(schemaOf('/logout', 'get', '200').properties.responseCode!.enum, [611]);
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(operations)) {
      for (const status of Object.keys(op.responses).filter((s) => !s.startsWith('2'))) {
        t.ok(schemaOf(path, method, status).properties.code!.enum?.length, `${method.toUpperCase()} ${path} ${status}: code is an enum`);
      }
    }
  }
});

t.test('real D and B error answers are among the codes the document declares for their operation', async (t) => {
  const document = (await SwaggerParser.dereference(parse(committed))) as unknown as Doc;
  const { app } = await build(t);
  const H = { 'content-type': 'application/json' };
  const check = async (path: string, template: string, method: string, payload: unknown, headers: Record<string, string> = H) => {
    const res = await app.inject({ method: method.toUpperCase() as 'GET', url: path, headers, ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }) });
    const declared = document.paths[template]![method]!.responses[String(res.statusCode)];
    t.ok(declared, `${method.toUpperCase()} ${path} → ${res.statusCode} is declared`);
    const schema = declared?.content?.['application/json']?.schema;
    const body = res.json();
    for (const field of ['code', 'responseCode']) {
      if (schema?.properties?.[field]?.enum) t.ok(schema.properties[field].enum.includes(body[field]), `${method.toUpperCase()} ${path} → ${res.statusCode} ${field} ${body[field]} is declared`);
    }
    return res;
  };
  const grace = { username: 'grace', email: 'grace@example.com', password: 'hopper1906', full_name: 'Grace Hopper', age: 85, gender: 'female' };
  await check('/api/register', '/api/register', 'post', grace);
  await check('/api/register', '/api/register', 'post', grace); // USERNAME_EXISTS
  await check('/api/register', '/api/register', 'post', { ...grace, username: 'grace2' }); // EMAIL_EXISTS
  await check('/api/register', '/api/register', 'post', { ...grace, password: 'short' });
  await check('/api/register', '/api/register', 'post', { ...grace, age: 'old' });
  await check('/api/register', '/api/register', 'post', '{"username": ');
  await check('/api/register', '/api/register', 'post', 'x', { 'content-type': 'text/plain' });
  await check('/api/token', '/api/token', 'post', {});
  await check('/api/token', '/api/token', 'post', { username: 'grace', password: 'wrong-password' });
  const token = (await check('/api/token', '/api/token', 'post', { username: 'grace', password: 'hopper1906' })).json().data.access_token as string;
  const auth = { ...H, authorization: `Bearer ${token}` };
  await check('/api/data', '/api/data', 'post', { key: 'theme', value: 1 }, { ...H, authorization: 'Bearer nonsense' });
  await check('/api/data', '/api/data', 'post', { key: 'theme', value: 1 }, auth);
  await check('/api/data', '/api/data', 'post', { key: 'theme', value: 1 }, auth); // KEY_EXISTS
  await check('/api/data', '/api/data', 'post', { key: 'bad key!', value: 1 }, auth);
  await check('/api/data', '/api/data', 'post', { key: 'nulled', value: null }, auth);
  await check('/api/data', '/api/data', 'post', '{', auth);
  await check('/api/data/missing', '/api/data/{key}', 'get', undefined, auth);
  await check('/api/data/missing', '/api/data/{key}', 'put', { value: 2 }, auth);
  await check('/api/data/theme', '/api/data/{key}', 'put', { nothing: 2 }, auth);
  await check('/api/data/missing', '/api/data/{key}', 'delete', undefined, auth);
  await check('/users/register', '/users/register', 'post', { username: 'alan' });
  await check('/users/register', '/users/register', 'post', '{', H);
  await check('/users/login', '/users/login', 'post', { email: 'nobody@example.com', password: 'password1' });
});
