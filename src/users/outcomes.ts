// What the users capabilities share in turning a command's result into an
// answer: whether a one-time secret was used, and which domain errors are
// expected outcomes rather than faults.
import { DomainError } from '../infra/errors.js';
import type { UserEvent } from './events.js';

export const used = (events: UserEvent[]) => events.some((e) => e.type === 'OneTimeCodeUsed');

export const isDomain = (error: unknown, ...codes: string[]): error is DomainError =>
  error instanceof DomainError && codes.includes(error.code);

/** Attempts per command before a busy stream gives up (concurrent code attempts serialise on one stream). */
export const ATTEMPTS = 20;
