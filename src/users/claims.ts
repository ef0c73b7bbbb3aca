// Uniqueness of usernames and emails lives in the event store: one
// reservation stream per normalised value, appended with the revision that was
// read, so of two racing claims exactly one succeeds. A deleted account
// releases its claims and the value is free again.
import type { Decider } from '../infra/commands.js';
import { DomainError, assertNever } from '../infra/errors.js';
import type { ClaimEvent } from './events.js';

/** A name held by another account, in the domain's words. */
export type NameTaken = 'UsernameTaken' | 'EmailTaken';

export type ClaimKind = 'username' | 'email';

export interface ClaimState {
  holder: number | null;
  since: string | null;
}

export type ClaimCommand =
  | {
      type: 'Claim';
      /** `abandonedBy`: the current holder never finished registering (see users/accounts.ts, readClaim). */
      data: { userId: number; value: string; abandonedBy?: number };
      metadata: { now: Date };
    }
  | { type: 'Release'; data: { userId: number }; metadata: { now: Date } };

export function claimDecider(kind: ClaimKind): Decider<ClaimState, ClaimCommand, ClaimEvent> {
  const released = kind === 'username' ? 'UsernameReleased' : 'EmailReleased';
  return {
    initialState: () => ({ holder: null, since: null }),
    evolve(state, event) {
      switch (event.type) {
        case 'UsernameClaimed':
        case 'EmailClaimed':
          return { holder: event.data.userId, since: event.data.at };
        case 'UsernameReleased':
        case 'EmailReleased':
          return { holder: null, since: event.data.at };
        default:
          return assertNever(event);
      }
    },
    decide(command, state) {
      const at = command.metadata.now.toISOString();
      switch (command.type) {
        case 'Claim': {
          const { userId, value, abandonedBy } = command.data;
          if (state.holder === userId) return [];
          if (state.holder !== null && state.holder !== abandonedBy) {
            throw new DomainError<NameTaken>(kind === 'username' ? 'UsernameTaken' : 'EmailTaken');
          }
          return kind === 'username'
            ? [{ type: 'UsernameClaimed', data: { userId, username: value, at } }]
            : [{ type: 'EmailClaimed', data: { userId, email: value, at } }];
        }
        case 'Release':
          if (state.holder !== command.data.userId) return [];
          return [{ type: released, data: { userId: command.data.userId, at } } as ClaimEvent];
        default:
          return assertNever(command);
      }
    },
  };
}
