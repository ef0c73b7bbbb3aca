// Access tokens: one JWT format for every family (HS256 through @fastify/jwt,
// claims sub, sid, exp). A token is good only while its session is live in the
// users read model, so logout, password resets and account deletion revoke it.
// Whether a session is live is the users domain's to say (sessionIsLive below):
// this module knows tokens, not accounts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import type { Services } from './services.js';

export interface Principal {
  userId: number;
  sessionId: string;
}

/** Why a request is not signed in: no token at all, or a token that is not (or no longer) good. */
export type AuthFailure = 'missing' | 'invalid';

export interface Auth {
  /** Signs an access token for a session. */
  issue(userId: number, sessionId: string): string;
  /** The signed-in caller, or why not. */
  authenticate(request: FastifyRequest): Promise<Principal | AuthFailure>;
  /** Reads a token's claims without the session check (for routes that end sessions). */
  decode(token: string): Principal | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: Auth;
  }
}

/** Where the signedIn hook (http/signed-in.ts) keeps a request's caller; every request has it, null until then. */
export const CALLER = Symbol('caller');

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

interface AccessClaims {
  sub: string;
  sid: string;
  typ: string;
}

export interface AuthOptions {
  services: Pick<Services, 'config'>;
  /** How long an access token is good for: the session's length. */
  tokenSeconds: number;
  /** Whether the token's session is live now (the users domain looks it up in its read model). */
  sessionIsLive(principal: Principal): Promise<boolean>;
}

export const authPlugin = fp(
  async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
    const svc = opts.services;
    await app.register(fastifyJwt, {
      secret: svc.config.jwtSecret,
      sign: { algorithm: 'HS256', expiresIn: opts.tokenSeconds },
      // Verified tokens are cached (LRU, bounded by the token's own exp): the signature check is
      // an HMAC per request otherwise. The cache says only "this signature is good"; the session
      // check below still runs on every request, so revocation is unaffected.
      verify: { algorithms: ['HS256'], cache: 10_000, cacheTTL: 10 * 60_000 },
    });

    // The principal of each token verified lately, until its exp (and for 10 minutes at most, as the
    // verifier's own cache): a repeated token costs a Map lookup, where the verifier's cache hashes the
    // whole token (SHA-256) to find its entry. Like that cache, it says only "this token is well signed
    // and not expired"; the session check still runs on every request. Filed by the token's signature,
    // its last 43 characters: a token arrives as a new string at every request, and the lookup hashes
    // its key (the whole token was a tenth of a cached read's sign-in check). The token itself is
    // compared on a hit.
    const verified = new Map<string, { token: string; principal: Principal; until: number }>();
    const VERIFIED_ENTRIES = 10_000;
    const VERIFIED_MS = 10 * 60_000;

    function decode(token: string): Principal | null {
      const signature = token.slice(token.lastIndexOf('.') + 1);
      const known = verified.get(signature);
      if (known !== undefined && known.token === token) {
        if (known.until > Date.now()) return known.principal;
        verified.delete(signature);
      }
      let claims: AccessClaims & { exp?: unknown };
      try {
        claims = app.jwt.verify<AccessClaims & { exp?: unknown }>(token);
      } catch {
        return null;
      }
      // Only access tokens: a reset-purpose token (typ "reset") never signs anyone in.
      if (claims.typ !== 'access' || typeof claims.sid !== 'string' || !/^\d+$/.test(claims.sub)) return null;
      const principal = Object.freeze({ userId: Number(claims.sub), sessionId: claims.sid });
      if (typeof claims.exp === 'number') {
        if (verified.size >= VERIFIED_ENTRIES) verified.delete(verified.keys().next().value!);
        verified.set(signature, { token, principal, until: Math.min(claims.exp * 1000, Date.now() + VERIFIED_MS) });
      }
      return principal;
    }

    const auth: Auth = {
      issue: (userId, sessionId) => app.jwt.sign({ sub: String(userId), sid: sessionId, typ: 'access' }),
      decode,
      async authenticate(request) {
        const token = bearer(request);
        if (token === null) return 'missing';
        const principal = decode(token);
        if (!principal) return 'invalid';
        return (await opts.sessionIsLive(principal)) ? principal : 'invalid';
      },
    };
    app.decorate('auth', auth);
    app.decorateRequest(CALLER, null);
  },
  { name: 'auth' },
);
