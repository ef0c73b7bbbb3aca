// Protected routes check the caller in an onRequest hook, before the body is
// read or validated: an anonymous request gets its family's 401, not a 400 about
// a body it should never have sent (and we never parse 96 KiB for it). The
// hook keeps the caller for the handler; each family says how it refuses.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CALLER, type AuthFailure, type Principal } from '../auth.js';
import { Problem } from '../errors.js';
import { setActor } from '../request-context.js';

/** Turns "no token" / "bad token" into the family's 401. */
export type Refusal = (failure: AuthFailure) => Problem;

const challenge = { 'www-authenticate': 'Bearer' };

/** A and E (root paths): E's documented messages. */
export const refuseAE: Refusal = (failure) =>
  failure === 'missing'
    ? new Problem(401, 'Access denied. No token provided.', 'INVALID_TOKEN', challenge)
    : new Problem(401, 'Invalid token.', 'INVALID_TOKEN', challenge);

/** D: one code for a missing and a bad token, as documented. */
export const refuseD: Refusal = (failure) =>
  failure === 'missing'
    ? new Problem(401, 'Access token missing. Send Authorization: Bearer <access_token>.', 'INVALID_TOKEN', challenge)
    : new Problem(401, 'Invalid access token provided.', 'INVALID_TOKEN', challenge);

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller the signedIn hook admitted (null before it, or when it admitted nobody). */
    [CALLER]: Principal | null;
  }
}

// A property every request has from the start (decorated by the auth plugin), not a WeakMap:
// a WeakMap write per request cost the garbage collector its ephemeron bookkeeping.

/**
 * An onRequest hook that admits signed-in callers only. With `anonymous`,
 * a request without any token passes as nobody; a bad token is still refused.
 */
export function signedIn(app: FastifyInstance, refuse: Refusal, options: { anonymous?: boolean } = {}) {
  return async function requireSignIn(request: FastifyRequest): Promise<void> {
    const who = await app.auth.authenticate(request);
    if (who === 'missing' && options.anonymous) return;
    if (who === 'missing' || who === 'invalid') throw refuse(who);
    request[CALLER] = who;
    setActor(who.userId);
  };
}

/** The caller of a route that admits signed-in callers only. */
export function signedInCaller(request: FastifyRequest): Principal {
  const who = request[CALLER];
  // A route without the hook is a programming error, not a client's: 500, logged.
  if (!who) throw new Error(`route ${request.routeOptions.url} reads its caller without the signedIn hook`);
  return who;
}
