// openapi.yaml at the root is exactly what the routes declare.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { generateOpenApiYaml } from '../src/tools/openapi.js';

t.test('the committed openapi.yaml equals the routes (run `npm run openapi` after changing a route)', async (t) => {
  const committed = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
  const generated = await generateOpenApiYaml();
  t.equal(committed, generated);
});
