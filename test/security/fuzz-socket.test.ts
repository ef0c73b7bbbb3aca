// Fuzzing over real sockets against the service as a child process (as
// `npm start` runs it): random requests for every route through node:http,
// then malformed HTTP and random bytes on raw connections, invalid UTF-8
// included. The process must still be up, answering, and within its memory.
import t from 'tap';
import { fuzzOverSocket } from '../support/hostile.js';

t.test('every route over a real socket, and malformed HTTP', async (t) => {
  const result = await fuzzOverSocket(t, { runs: 150 });
  t.ok(result.cases >= 150, `${result.cases} cases`);
  t.comment(JSON.stringify(result));
});
