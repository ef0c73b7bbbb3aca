// The ceiling: Fastify with one route answering a constant JSON body, no
// logging, nothing else. Every scenario is read as a ratio to its rate.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
