// One way for the users capabilities to run a command on an account: handle
// it (decide, append), wait until the read models show it, and turn the
// domain errors that are expected answers into outcomes. Every other error
// throws (the shell answers 503 or 500).
import { handle, type Handled } from '../infra/commands.js';
import { DomainError } from '../infra/errors.js';
import type { Services } from '../infra/services.js';
import { userDecider, type AccountRefusal, type UserCommand, type UserState } from './decider.js';
import { streams, type UserEvent } from './events.js';

/** Whether the command used its one-time secret (a wrong one appends only the failed attempt). */
export const used = (events: UserEvent[]) => events.some((e) => e.type === 'OneTimeCodeUsed');

/** Attempts per command before a busy stream gives up (concurrent code attempts serialise on one stream). */
export const ATTEMPTS = 20;

type WithoutMetadata<C> = C extends unknown ? Omit<C, 'metadata'> : never;
/** A command on an account's stream; execute stamps the time. */
export type AccountCommand = WithoutMetadata<UserCommand>;

export interface Answers<T> {
  /** The command was decided and appended, and the read models show it. */
  done(handled: Handled<UserState, UserEvent>): T;
  /** The account's refusals that are answers, by name; any other error throws. */
  refused?: Partial<Record<AccountRefusal, T>>;
}

export async function execute<T>(
  svc: Services,
  userId: number,
  command: AccountCommand,
  answers: Answers<T>,
  options: { attempts?: number } = {},
): Promise<T> {
  let handled: Handled<UserState, UserEvent>;
  try {
    handled = await handle(
      svc.eventStore,
      streams.user(userId),
      userDecider,
      { ...command, metadata: { now: svc.now() } } as UserCommand,
      options,
    );
  } catch (error) {
    const refused = answers.refused;
    if (error instanceof DomainError && refused && Object.hasOwn(refused, error.code)) return refused[error.code as AccountRefusal] as T;
    throw error;
  }
  await svc.settle(handled.position);
  return answers.done(handled);
}
