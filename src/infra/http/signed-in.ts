// Protected routes check the caller in an onRequest hook, before the body is
// read or validated: an anonymous request gets its family's 401, not a 400 about
// a body it should never have sent (and we never parse 96 KiB for it). The
// hook keeps the caller for the handler; each family says how it refuses.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthFailure, Principal } from '../auth.js';
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

const callers = new WeakMap<FastifyRequest, Principal>();

/**
 * An onRequest hook that admits signed-in callers only. With `anonymous`,
 * a request without any token passes as nobody; a bad token is still refused.
 */
export function signedIn(app: FastifyInstance, refuse: Refusal, options: { anonymous?: boolean } = {}) {
  return async function requireSignIn(request: FastifyRequest): Promise<void> {
    const who = await app.auth.authenticate(request);
    if (who === 'missing' && options.anonymous) return;
    if (who === 'missing' || who === 'invalid') throw refuse(who);
    callers.set(request, who);
    setActor(who.userId);
  };
}

/** The caller of a route that admits signed-in callers only. */
export function signedInCaller(request: FastifyRequest): Principal {
  const who = callers.get(request);
  // A route without the hook is a programming error, not a client's: 500, logged.
  if (!who) throw new Error(`route ${request.routeOptions.url} reads its caller without the signedIn hook`);
  return who;
}
