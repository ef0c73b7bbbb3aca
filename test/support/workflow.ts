// A capability's scenarios in the words of the domain, below the HTTP layer:
// given these events (appended as they are, or left by earlier requests),
// when this request, then this answer and these new events. It runs on
// openServices (the embedded event store sealed per account, real argon2,
// in-process read models kept by the projection runner, mail to an SMTP
// sink), so the family route tests only need to check their envelopes.
import type { Test } from 'tap';
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../src/infra/commands.js';
import type { Position, RecordedEvent } from '../../src/infra/eventstore/types.js';
import type { Services } from '../../src/infra/services.js';
import { openServices, type WorkflowWorld } from './services.js';

/** Something that happened before: events on a stream, or a request whose events stay. */
export type Given = { stream: string; events: DomainEvent[] } | ((svc: Services) => Promise<unknown>);

export interface Then<A> {
  /** The answer, matched with t.match (a pattern: ids and secrets may be left out or be RegExps). */
  answer: A | Partial<A> | Record<string, unknown> | string | boolean;
  /** The types of the events the request appended, in log order, across every stream. */
  events: string[];
}

export interface WorkflowSpec extends WorkflowWorld {
  given(...steps: Given[]): Promise<void>;
  when<A>(request: (svc: Services) => Promise<A>): {
    /** Checks the answer and the new events (two assertions); returns both for further checks. */
    then(expected: Then<A>, message?: string): Promise<{ answer: A; events: RecordedEvent[] }>;
  };
}

async function eventsAfter(world: WorkflowWorld, after: Position | null): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of world.svc.eventStore.readAll(after ? { after } : {})) out.push(e);
  return out;
}

export async function workflowSpec(t: Test, options: Parameters<typeof openServices>[1] = {}): Promise<WorkflowSpec> {
  const world = await openServices(t, options);
  const { svc } = world;
  return {
    ...world,
    async given(...steps) {
      for (const step of steps) {
        if (typeof step === 'function') {
          await step(svc);
          continue;
        }
        const at = await svc.eventStore.readStream(step.stream);
        const expected = at.length === 0 ? 'no_stream' : at[at.length - 1]!.revision;
        const appended = await svc.eventStore.append(
          step.stream,
          step.events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data })),
          expected,
        );
        await svc.settle(appended.position);
      }
    },
    when(request) {
      return {
        async then(expected, message) {
          const before = await svc.eventStore.headPosition();
          const answer = await request(svc);
          const events = await eventsAfter(world, before);
          const what = message ? `${message}: ` : '';
          t.match(answer, expected.answer, `${what}answers ${JSON.stringify(expected.answer)}`);
          t.same(
            events.map((e) => e.type),
            expected.events,
            `${what}appends ${expected.events.length === 0 ? 'nothing' : expected.events.join(', ')}`,
          );
          return { answer, events };
        },
      };
    },
  };
}
