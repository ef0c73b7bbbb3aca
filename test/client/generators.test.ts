// The three mainstream generators (openapi-typescript, @hey-api/openapi-ts,
// orval) generate a client from the committed openapi.yaml, and each client,
// with a file that uses its named types, type-checks under strict TypeScript.
// The usage files pin what a client writer relies on: named schemas, D's codes
// and B's response codes as literal unions, and the default server URL.
import t from 'tap';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../support/app.js';
import { generateClientTypes } from './generate.js';

const run = promisify(execFile);
const repo = new URL('../..', import.meta.url).pathname;
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);

const USAGE: Record<string, string> = {
  'use-openapi-typescript.ts': `
import type { components, paths } from './openapi-typescript/schema.js';
type S = components['schemas'];
const page: S['ProductPage'] = { products: [], pagination: { currentPage: 1, totalPages: 0, totalProducts: 0, limit: 10, hasNext: false, hasPrev: false } };
const order: S['Order'] = { id: 1, userId: 1, status: 'placed', items: [{ productId: 1, name: 'Lamp', quantity: 2 }], createdAt: '2026-01-01T00:00:00Z' };
const item: S['DataItem'] = { key: 'theme', value: { dark: true } };
const address: S['DeliveryAddress'] = { city: 'Pune', pincode: '411001' };
const code: S['ApiRegisterError409']['code'] = 'EMAIL_EXISTS';
// @ts-expect-error: not a code /api/register answers with 409
const wrong: S['ApiRegisterError409']['code'] = 'KEY_EXISTS';
const outcome: S['UsersLoginResponse']['responseCode'] = 609;
type LogoutAnswer = paths['/logout']['get']['responses'][200]['content']['application/json'];
const loggedOut: LogoutAnswer = { statusCode: 200, responseCode: 611 };
export { page, order, item, address, code, wrong, outcome, loggedOut };
`,
  'use-hey-api.ts': `
import { client } from './hey-api/client.gen.js';
import { listProducts, storeData } from './hey-api/sdk.gen.js';
import type { ApiTokenError401, DataItemInput, Order, Product, ProductPage, StoreDataError409, UsersApiError400 } from './hey-api/types.gen.js';
export async function use(): Promise<Product[]> {
  const baseUrl: string | undefined = client.getConfig().baseUrl;
  const input: DataItemInput = { key: 'theme', value: 'dark' };
  const stored = await storeData({ body: input, headers: { authorization: 'Bearer x' } });
  const conflict: StoreDataError409['code'] | undefined = stored.error && 'code' in stored.error && stored.error.code === 'KEY_EXISTS' ? stored.error.code : undefined;
  const invalid: ApiTokenError401['code'] = 'INVALID_CREDENTIALS';
  const bad: UsersApiError400['responseCode'] = 600;
  const page: ProductPage | undefined = (await listProducts({ query: { page: 1, limit: 10 } })).data;
  const orders: Order[] = [];
  void [baseUrl, conflict, invalid, bad, orders];
  return page?.products ?? [];
}
`,
  'use-orval.ts': `
import { getListProductsUrl, listProducts, type Order, type ProductPage, type UsersRegisterResponse, ApiTokenError403Code } from './orval/client.js';
export async function use(): Promise<ProductPage | undefined> {
  const url: string = getListProductsUrl({ page: 1, limit: 10 });
  const answer = await listProducts({ page: 1, limit: 10 });
  const registered: UsersRegisterResponse['responseCode'] = 615;
  const unverified: typeof ApiTokenError403Code.EMAIL_NOT_VERIFIED = 'EMAIL_NOT_VERIFIED';
  const orders: Order[] = [];
  void [url, registered, unverified, orders];
  return answer.status === 200 ? answer.data : undefined;
}
`,
};

t.test('openapi-typescript, @hey-api/openapi-ts and orval generate clients that type-check', async (t) => {
  const dir = tempDir(t, 'clients');
  copyFileSync(join(repo, 'openapi.yaml'), join(dir, 'openapi.yaml'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');

  mkdirSync(join(dir, 'openapi-typescript'));
  writeFileSync(join(dir, 'openapi-typescript/schema.d.ts'), await generateClientTypes(readFileSync(join(dir, 'openapi.yaml'), 'utf8')));
  await run(bin('openapi-ts'), ['-i', 'openapi.yaml', '-o', 'hey-api'], { cwd: dir });
  writeFileSync(
    join(dir, 'orval.config.cjs'),
    `module.exports = { chronicle: { input: { target: './openapi.yaml' }, output: { target: './orval/client.ts', client: 'fetch', baseUrl: { getBaseUrlFromSpecification: true } } } };\n`,
  );
  await run(bin('orval'), ['--config', 'orval.config.cjs'], { cwd: dir });

  t.match(readFileSync(join(dir, 'hey-api/client.gen.ts'), 'utf8'), /baseUrl: 'http:\/\/127\.0\.0\.1:3000'/, 'hey-api: the default server');
  t.match(readFileSync(join(dir, 'orval/client.ts'), 'utf8'), /`http:\/\/127\.0\.0\.1:3000\/products/, 'orval: absolute URLs from servers');
  for (const [file, text] of Object.entries(USAGE)) writeFileSync(join(dir, file), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ['openapi-typescript', 'hey-api', 'orval', 'use-*.ts'],
    }),
  );
  const result = await run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir }).then(
    () => ({ ok: true, output: '' }),
    (error: { stdout?: string }) => ({ ok: false, output: error.stdout ?? String(error) }),
  );
  t.ok(result.ok, `all three clients and their usage type-check${result.ok ? '' : `:\n${result.output}`}`);
});
