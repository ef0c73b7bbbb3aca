// The fuzzers' judge must be able to say no: each property it checks, shown
// failing on a crafted answer, and holding on a good one.
import t from 'tap';
import { isRejected, judgeAnswer, ResponseSchemas } from '../support/hostile.js';
import { envelopeProblem, leaksInternals, routesFromOpenApi } from '../support/routes.js';
import { hashLeaks, isErrorAnswer, occurs } from '../support/secret-scan.js';

t.test('envelopes by family, from the path', async (t) => {
  t.equal(envelopeProblem('/register', 400, { error: 'Username and password are required' }), null);
  t.equal(envelopeProblem('/nowhere', 404, { error: 'Not found' }), null);
  t.match(envelopeProblem('/register', 400, { error: 'x', statusCode: 400 }), /keys/);
  t.match(envelopeProblem('/auth/forgot', 400, { message: 'x' }), /keys/);
  t.match(envelopeProblem('/products', 401, { error: '' }), /not a message/);
  t.equal(envelopeProblem('/users/login', 400, { statusCode: 400, responseCode: 600, error: 'email is required' }), null);
  t.equal(envelopeProblem('/logout', 429, { statusCode: 429, responseCode: 429, error: 'Too many' }), null);
  t.match(envelopeProblem('/users/login', 400, { statusCode: 400, responseCode: 400, error: 'x' }), /responseCode/);
  t.match(envelopeProblem('/users/login', 400, { error: 'x' }), /statusCode/);
  t.equal(envelopeProblem('/api/data/k', 404, { status: 'error', code: 'KEY_NOT_FOUND', message: 'gone' }), null);
  t.match(envelopeProblem('/api/data/k', 404, { status: 'error', code: 'not-a-code', message: 'gone' }), /code/);
  t.match(envelopeProblem('/api/token', 401, { error: 'x' }), /D keys/);
  t.match(envelopeProblem('/register', 400, 'text'), /not a JSON object/);
});

t.test('internals leaking', async (t) => {
  t.ok(leaksInternals('Error: boom\n    at handler (/app/src/users/routes-a.ts:12:5)'));
  t.ok(leaksInternals('{"error":"RangeError: Maximum call stack size exceeded"}'));
  t.ok(leaksInternals('{"error":"SQLITE_BUSY: database is locked"}'));
  t.notOk(leaksInternals('{"error":"Invalid token."}'));
});

t.test('answers against the route and the document', async (t) => {
  const routes = await routesFromOpenApi();
  const login = routes.find((r) => r.method === 'POST' && r.path === '/login')!;
  t.ok(login && !login.protected, 'routes come from openapi.yaml');
  t.ok(routes.find((r) => r.path === '/orders' && r.method === 'GET')!.protected, 'security is read');
  const request = { url: '/login', pathMutated: false };
  const answer = (status: number, body: unknown) => ({ status, headers: {}, body: JSON.stringify(body) });
  const schemas = new ResponseSchemas();
  t.same(judgeAnswer(login, request, answer(401, { error: 'Invalid credentials' }), schemas), []);
  t.same(judgeAnswer(login, request, answer(200, { access_token: 'x' }), schemas), []);
  t.match(judgeAnswer(login, request, answer(500, { error: 'Internal server error' }), schemas).join(), /server error 500/);
  t.match(judgeAnswer(login, request, answer(418, { error: 'teapot' }), schemas).join(), /418 is not declared/);
  t.match(judgeAnswer(login, request, answer(200, { token: 'x' }), schemas).join(), /does not match the declared 200 schema/);
  t.match(judgeAnswer(login, request, { status: 400, headers: {}, body: '<html>' }, schemas).join(), /not JSON/);
  t.same(judgeAnswer(login, { url: '/login/x', pathMutated: true }, answer(404, { error: 'Not found' }), schemas), [], 'off the route: only the envelope counts');
});

t.test('what counts as rejected', async (t) => {
  const a = (status: number, json: unknown) => [{ status, headers: {}, body: '' }, json] as const;
  t.ok(isRejected('/login', ...a(401, {})));
  t.notOk(isRejected('/login', ...a(200, {})));
  t.ok(isRejected('/users/login', ...a(200, { responseCode: 603 })), "B's refusals are HTTP 200");
  t.notOk(isRejected('/users/login', ...a(200, { responseCode: 609 })));
  t.notOk(isRejected('/logout', ...a(200, { responseCode: 611 })));
});

t.test('secrets and hashes in answers', async (t) => {
  t.same(hashLeaks('{"id":1,"username":"a"}'), []);
  t.same(hashLeaks('{"user":{"passwordHash":"$argon2id$v=19$m=1024"}}'), ['an argon2 hash', 'a field "passwordHash"']);
  t.same(hashLeaks('{"items":[{"password":"x"}]}'), ['a field "password"']);
  t.same(hashLeaks('not json $argon2i$'), ['an argon2 hash']);
  t.ok(occurs('code 123456 sent', '123456'));
  t.notOk(occurs('id 91234567', '123456'), 'a code only as a whole number');
  t.ok(isErrorAnswer({ method: 'POST', url: '/users/login', status: 200, body: '{"statusCode":200,"responseCode":603}' }));
  t.notOk(isErrorAnswer({ method: 'POST', url: '/users/login', status: 200, body: '{"statusCode":200,"responseCode":609}' }));
  t.ok(isErrorAnswer({ method: 'POST', url: '/login', status: 401, body: '{"error":"Invalid credentials"}' }));
});
