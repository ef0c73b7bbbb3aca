// A client generated from openapi.yaml (openapi-typescript + openapi-fetch)
// drives one whole user journey against the running server over a real
// socket (logout included). Every answer must be a status the document declares, with a body
// its schema accepts: if the spec lies, this test fails. (The journey is also
// typechecked against the generated types by `npm run typecheck`.)
import t from 'tap';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';
import { build } from '../support/app.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };

async function specChecker() {
  const document = (await SwaggerParser.dereference(new URL('../../openapi.yaml', import.meta.url).pathname)) as unknown as {
    paths: Record<string, Record<string, Operation>>;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const problems: string[] = [];
  let checked = 0;
  const middleware: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const where = `${request.method} ${schemaPath} → ${response.status}`;
      const operation = document.paths[schemaPath]?.[request.method.toLowerCase()];
      const declared = operation?.responses[String(response.status)];
      if (!declared) {
        problems.push(`${where}: status not declared`);
        return undefined;
      }
      const schema = declared.content?.['application/json']?.schema;
      if (schema) {
        const body = await response.clone().json();
        if (!ajv.validate(schema, body)) problems.push(`${where}: ${ajv.errorsText()} in ${JSON.stringify(body)}`);
      }
      checked += 1;
      return undefined;
    },
  };
  return { middleware, problems, checked: () => checked };
}

t.test('a generated client drives register → login → products → orders → data → logout, as the spec says', async (t) => {
  const { app } = await build(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const checker = await specChecker();
  const api = createClient<paths>({ baseUrl: `http://127.0.0.1:${address.port}` });
  api.use(checker.middleware);

  const registered = await api.POST('/register', { body: { username: 'journey', password: 'journey-password', email: 'journey@example.com' } });
  t.equal(registered.response.status, 201);
  t.equal(registered.data?.username, 'journey');

  const taken = await api.POST('/register', { body: { username: 'JOURNEY', password: 'journey-password' } });
  t.equal(taken.response.status, 409);
  t.equal(taken.error?.error, 'Username already exists');

  const login = await api.POST('/login', { body: { username: 'journey', password: 'journey-password' } });
  t.equal(login.response.status, 200);
  const token = login.data!.access_token;
  const auth = { headers: { authorization: `Bearer ${token}` } };

  const anonymous = await api.GET('/products', { params: { query: {} } });
  t.equal(anonymous.response.status, 401);

  const created = await api.POST('/products', { ...auth, body: { name: 'Desk Lamp', description: 'Brass, 40 cm' } });
  t.equal(created.response.status, 201);
  const product = created.data!;
  t.equal(product.image, 'https://picsum.photos/200/200?random=Desk_Lamp');

  const listed = await api.GET('/products', { ...auth, params: { query: { page: 1, limit: 10 } } });
  t.equal(listed.response.status, 200);
  t.same(listed.data?.products.map((p) => p.id), [product.id]);
  t.equal(listed.data?.pagination.totalProducts, 1);

  const one = await api.GET('/products/{id}', { ...auth, params: { path: { id: product.id } } });
  t.equal(one.data?.name, 'Desk Lamp');

  const order = await api.POST('/orders', { ...auth, body: { items: [{ productId: product.id, quantity: 2 }] } });
  t.equal(order.response.status, 201);
  t.same(order.data?.items, [{ productId: product.id, name: 'Desk Lamp', quantity: 2 }]);

  const orders = await api.GET('/orders', auth);
  t.equal(orders.response.status, 200);
  t.same(orders.data?.orders.map((o) => o.id), [order.data!.id]);

  const stored = await api.POST('/api/data', { ...auth, body: { key: 'theme', value: { dark: true } } });
  t.equal(stored.response.status, 201);
  const read = await api.GET('/api/data/{key}', { ...auth, params: { path: { key: 'theme' } } });
  t.same(read.data?.data, { key: 'theme', value: { dark: true } });
  const missing = await api.GET('/api/data/{key}', { ...auth, params: { path: { key: 'nothing' } } });
  t.equal(missing.response.status, 404);
  t.equal(missing.error?.code, 'KEY_NOT_FOUND');

  const logout = await api.GET('/logout', auth);
  t.equal(logout.response.status, 200);
  t.match(logout.data, { statusCode: 200, responseCode: 611 });
  const afterLogout = await api.GET('/products', { ...auth, params: { query: {} } });
  t.equal(afterLogout.response.status, 401, 'the token of an ended session is refused');
  t.equal(afterLogout.error?.error, 'Invalid token.');

  t.ok(checker.checked() >= 14, `${checker.checked()} answers checked against the document`);
  t.same(checker.problems, [], 'every answer is declared and matches its schema');
});
