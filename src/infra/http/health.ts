// GET /health: the process is up. GET /ready: the event store and the read
// store answer, and the read models are no further behind the log than a bound.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../services.js';
import { projectionLag } from '../metrics.js';
import type { ProjectionStatus } from '../projection-status.js';

/** Read models further behind than this (oldest unapplied event's age) make the service not ready. */
export const READY_MAX_LAG_SECONDS = 5;


async function check(what: () => Promise<void>): Promise<string> {
  try {
    await what();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

const Health = Type.Object({ status: Type.Literal('ok') }, { description: 'The process is up' });
const Ready = Type.Object(
  {
    // An enum, not a union of literals: fast-json-stringify serializes a union through ajv, and
    // compiling that at /ready's first answer was a thirtieth of a start.
    status: Type.Unsafe<'ready' | 'not ready'>({ type: 'string', enum: ['ready', 'not ready'] }),
    checks: Type.Object({
      eventStore: Type.String({ description: '"ok" or why not' }),
      readStore: Type.String({ description: '"ok" or why not' }),
      projections: Type.String({ description: '"ok", "catching up", or why not' }),
      lagSeconds: Type.Number({ description: 'Age of the oldest event the read models have not applied' }),
    }),
  },
  { description: 'Readiness and what it rests on' },
);

export interface HealthOptions {
  services: Pick<Services, 'eventStore' | 'readStore' | 'now'>;
  projections: ProjectionStatus;
}

export const healthRoutes: FastifyPluginAsyncTypebox<HealthOptions> = async (app, { services, projections: status }) => {
  app.get(
    '/health',
    { schema: { operationId: 'health', summary: 'The process is up', tags: ['Operations'], response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        operationId: 'ready',
        summary: 'Stores reachable and read models caught up',
        tags: ['Operations'],
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      const eventStore = await check(() => services.eventStore.ping());
      const readStore = await check(() => services.readStore.ping());
      let lagSeconds = 0;
      let projections = status.isCaughtUp ? (status.error ?? 'ok') : 'catching up';
      if (eventStore === 'ok' && readStore === 'ok') {
        const lag = await projectionLag(services.eventStore, await status.position(), services.now(), 1).catch(() => null);
        lagSeconds = lag?.seconds ?? 0;
        if (projections === 'ok' && lagSeconds > READY_MAX_LAG_SECONDS) {
          projections = `behind by ${lagSeconds.toFixed(1)} s`;
        }
      }
      const ready = eventStore === 'ok' && readStore === 'ok' && projections === 'ok';
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not ready', checks: { eventStore, readStore, projections, lagSeconds } });
    },
  );
};
