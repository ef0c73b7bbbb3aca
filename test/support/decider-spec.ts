// given(events).when(command).then(events): tests a pure decider without I/O,
// in the words of the domain (after emmett's DeciderSpecification).
import type { Test } from 'tap';
import type { Decider, DomainEvent } from '../../src/infra/commands.js';
import { DomainError } from '../../src/infra/errors.js';

export function deciderSpec<State, Command, Event extends DomainEvent>(t: Test, decider: Decider<State, Command, Event>) {
  return {
    given(events: Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      // The stream holds exactly the given events: its revision is the last one's.
      const stream = { revision: BigInt(events.length - 1) };
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state, stream);
          return {
            /** The decider appends exactly these events. */
            then(expected: Event[], message?: string) {
              t.same(run(), expected, message ?? 'decides the expected events');
            },
            /** The decider appends nothing. */
            thenNothing(message?: string) {
              t.same(run(), [], message ?? 'decides nothing');
            },
            /** The decider refuses with this DomainError code. */
            thenThrows(code: string, message?: string) {
              try {
                const events = run();
                t.fail(message ?? `expected DomainError ${code}, got ${JSON.stringify(events)}`);
              } catch (error) {
                t.ok(error instanceof DomainError, 'refuses with a DomainError');
                t.equal((error as DomainError).code, code, message ?? `refuses with ${code}`);
              }
            },
            /** What the decider decided, for checks the three above do not cover. */
            events(): Event[] {
              return run();
            },
            /** The state after applying what the decider decided. */
            state(): State {
              return run().reduce(decider.evolve, state);
            },
          };
        },
      };
    },
  };
}
