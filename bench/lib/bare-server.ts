// The ceiling: Fastify with one route answering a JSON body, no logging,
// nothing else. Every read scenario is read as a ratio to its rate, with the
// body the scenario's own route answers (set by PUT /body before each ceiling
// run, outside the measurement): the same JSON, built and serialized per
// request the way a plain Fastify route does it.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
let body: unknown = { hello: 'world' };
app.get('/', async () => body);
app.put('/body', async (request) => {
  body = request.body;
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
// A clean exit on stop, so a CPU profile (--cpu-prof) is written like the service's.
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
