// The account decider: pure functions over one account's stream.
import type { Decider } from '../infra/commands.js';
import { DomainError, assertNever } from '../infra/errors.js';
import type { Family, Profile, UserEvent } from './events.js';

export interface UserState {
  status: 'absent' | 'active';
  userId: number | null;
  username: string;
  email: string | null;
  passwordHash: string;
  verified: boolean;
  /** Live sessions: HMAC of the session id → expiry (ISO). */
  sessions: Record<string, string>;
}

export type UserCommand =
  | {
      type: 'RegisterUser';
      data: {
        userId: number;
        username: string;
        email: string | null;
        passwordHash: string;
        verified: boolean;
        profile: Profile;
        via: Family;
      };
      metadata: { now: Date };
    }
  | {
      type: 'StartSession';
      data: { sessionKey: string; via: Family; seconds: number };
      metadata: { now: Date };
    };

export const initialState = (): UserState => ({
  status: 'absent',
  userId: null,
  username: '',
  email: null,
  passwordHash: '',
  verified: false,
  sessions: {},
});

export function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      const d = event.data;
      return {
        ...state,
        status: 'active',
        userId: d.userId,
        username: d.username,
        email: d.email,
        passwordHash: d.passwordHash,
        verified: d.verified,
      };
    }
    case 'SessionStarted':
      return { ...state, sessions: { ...state.sessions, [event.data.sessionKey]: event.data.expiresAt } };
    default:
      return assertNever(event);
  }
}

export function decide(command: UserCommand, state: UserState): UserEvent[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RegisterUser':
      if (state.status !== 'absent') throw new DomainError('UserExists', 'account already exists');
      return [{ type: 'UserRegistered', data: { ...command.data, at } }];
    case 'StartSession': {
      if (state.status !== 'active' || state.userId === null) throw new DomainError('UnknownUser');
      if (!state.verified) throw new DomainError('EmailNotVerified', 'email not verified');
      const expiresAt = new Date(command.metadata.now.getTime() + command.data.seconds * 1000).toISOString();
      return [
        {
          type: 'SessionStarted',
          data: { userId: state.userId, sessionKey: command.data.sessionKey, via: command.data.via, at, expiresAt },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = { initialState, evolve, decide };
