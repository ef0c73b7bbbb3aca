// GET /health: the process is up. GET /ready: the event store and the read
// store answer, and the read models are no further behind the log than a bound.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { comparePositions } from '../eventstore/types.js';
import type { Services } from '../services.js';
import type { ProjectionRunner } from '../../../projections/runner.js';

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

/** Seconds since the oldest event the runner has not applied yet (0 when caught up). */
export async function projectionLagSeconds(svc: Services, runner: ProjectionRunner): Promise<number> {
  const head = await svc.eventStore.headPosition();
  if (!head || comparePositions(runner.position, head) >= 0) return 0;
  for await (const next of svc.eventStore.readAll({ after: runner.position, maxCount: 1 })) {
    return Math.max(0, (svc.now().getTime() - next.created.getTime()) / 1000);
  }
  return 0;
}

const Health = Type.Object({ status: Type.String() });
const Ready = Type.Object({
  status: Type.String(),
  checks: Type.Object({
    eventStore: Type.String(),
    readStore: Type.String(),
    projections: Type.String(),
    lagSeconds: Type.Number(),
  }),
});

export const healthRoutes: FastifyPluginAsyncTypebox<{ services: Services; runner: ProjectionRunner | null }> = async (
  app,
  { services, runner },
) => {
  app.get(
    '/health',
    { schema: { operationId: 'health', summary: 'The process is up', tags: ['Operations'], response: { 200: Health } } },
    async () => ({ status: 'ok' }),
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
      let projections = 'ok';
      if (runner) {
        if (!runner.isCaughtUp) projections = 'catching up';
        else if (runner.error) projections = runner.error;
        if (eventStore === 'ok') lagSeconds = await projectionLagSeconds(services, runner).catch(() => 0);
        if (projections === 'ok' && lagSeconds > READY_MAX_LAG_SECONDS) projections = `behind by ${lagSeconds.toFixed(1)} s`;
      } else {
        projections = 'run by another process';
      }
      const ready = eventStore === 'ok' && readStore === 'ok' && (projections === 'ok' || !runner);
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not ready', checks: { eventStore, readStore, projections, lagSeconds } });
    },
  );
};
