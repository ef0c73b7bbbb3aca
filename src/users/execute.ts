// One way for the users capabilities to run a command on an account: handle
// it (decide, append), wait until the read models show it, and turn the
// domain errors that are expected answers into outcomes. Every other error
// throws (the shell answers 503 or 500).
import { handle, type Handled } from '../infra/commands.js';
import { DomainError } from '../infra/errors.js';
import type { Services } from '../infra/services.js';
import { userDecider, type UserCommand, type UserState } from './decider.js';
import { streams, type UserEvent } from './events.js';

/** Whether the command used its one-time secret (a wrong one appends only the failed attempt). */
export const used = (events: UserEvent[]) => events.some((e) => e.type === 'OneTimeCodeUsed');

export const isDomain = (error: unknown, ...codes: string[]): error is DomainError =>
  error instanceof DomainError && codes.includes(error.code);

/** Attempts per command before a busy stream gives up (concurrent code attempts serialise on one stream). */
export const ATTEMPTS = 20;

type WithoutMetadata<C> = C extends unknown ? Omit<C, 'metadata'> : never;
/** A command on an account's stream; execute stamps the time. */
export type AccountCommand = WithoutMetadata<UserCommand>;

export interface Answers<T> {
  /** The command was decided and appended, and the read models show it. */
  done(handled: Handled<UserState, UserEvent>): T;
  /** Domain errors that are answers, by code (DomainError.code); any other error throws. */
  refused?: Partial<Record<string, T>>;
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
    if (error instanceof DomainError && refused && Object.hasOwn(refused, error.code)) return refused[error.code] as T;
    throw error;
  }
  await svc.settle(handled.position);
  return answers.done(handled);
}
