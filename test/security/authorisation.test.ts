// Every protected route of openapi.yaml refuses every kind of bad credential
// with 401 in its family's envelope (no token, tampered, expired, alg none,
// HS512, another secret, wrong typ, no sid, someone else's sid, sessions
// ended by logout, password reset and deletion, C's reset-purpose token, B's
// session id); another user touching someone's products, orders, data and
// account gets 403/404 and never their data.
import t from 'tap';
import { authorisationMatrix } from '../support/hostile.js';

for (const readModels of ['memory', 'redis'] as const) {
  t.test(`authorisation (${readModels} read models)`, async (t) => {
    const result = await authorisationMatrix(t, { readModels });
    t.ok(result.refusals >= 18 * result.protectedRoutes, `${result.refusals} refusals over ${result.protectedRoutes} routes`);
    t.ok(result.trespasses >= 10, `${result.trespasses} attempts on another user's resources`);
  });
}
