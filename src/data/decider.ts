// The key decider: pure functions over one (user, key) stream.
import type { Decider } from '../infra/commands.js';
import { DomainError, assertNever } from '../infra/errors.js';
import type { DataEvent } from './events.js';

export interface KeyState {
  exists: boolean;
  value: unknown;
}

export type DataCommand =
  | { type: 'StoreData'; data: { userId: number; key: string; value: unknown }; metadata: { now: Date } }
  | { type: 'UpdateData'; data: { userId: number; key: string; value: unknown }; metadata: { now: Date } }
  | { type: 'DeleteData'; data: { userId: number; key: string }; metadata: { now: Date } };

export const initialState = (): KeyState => ({ exists: false, value: undefined });

export function evolve(state: KeyState, event: DataEvent): KeyState {
  switch (event.type) {
    case 'DataStored':
    case 'DataUpdated':
      return { exists: true, value: event.data.value };
    case 'DataDeleted':
      return { exists: false, value: undefined };
    default:
      return assertNever(event);
  }
}

/** Why a key refuses a command, in the domain's words (D maps them to KEY_EXISTS / KEY_NOT_FOUND). */
export type KeyRefusal = 'KeyExists' | 'KeyNotFound';
const refuse = (code: KeyRefusal) => new DomainError(code);

export function decide(command: DataCommand, state: KeyState): DataEvent[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'StoreData':
      if (state.exists) throw refuse('KeyExists');
      return [{ type: 'DataStored', data: { ...command.data, at } }];
    case 'UpdateData':
      if (!state.exists) throw refuse('KeyNotFound');
      return [{ type: 'DataUpdated', data: { ...command.data, at } }];
    case 'DeleteData':
      if (!state.exists) throw refuse('KeyNotFound');
      return [{ type: 'DataDeleted', data: { ...command.data, at } }];
    default:
      return assertNever(command);
  }
}

export const keyDecider: Decider<KeyState, DataCommand, DataEvent> = { initialState, evolve, decide };
