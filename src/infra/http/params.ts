// Query strings and path parameters are text. The text validator coerces them,
// and would take "1e3", "0x10", " 1" or "1.0" as integers; numbers in our URLs
// are plain decimal digits only, and the schema then checks their range.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Problem } from '../errors.js';

/** A preValidation hook: the named values, when present, must be decimal digits (else `problem`). */
export function decimalOnly(part: 'params' | 'query', names: string[], problem: () => Problem) {
  // A callback hook: every read passes here, and it needs no promise.
  return function requireDecimal(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const values = (part === 'params' ? request.params : request.query) as Record<string, unknown> | undefined;
    for (const name of names) {
      const value = values?.[name];
      if (value === undefined) continue;
      if (typeof value !== 'string' || !/^[0-9]{1,20}$/.test(value)) return done(problem());
    }
    done();
  };
}

/** Ids are positive integers a JavaScript number holds exactly. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;
