// Browser-facing protections: security headers on every answer (helmet), and
// CORS for the origins the operator lists (off when none are).
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';

/**
 * The API answers JSON only: nothing in it may load, frame or submit anything.
 * The /docs page has its own policy (DOCS_CSP), set by the swagger-ui plugin.
 */
export const API_CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * What swagger-ui needs and no more: its scripts, styles and images from this
 * origin (icons are data: URLs), and requests to this origin (the document,
 * "Try it out"). No inline script or style: swagger-ui sets styles through the
 * DOM, which CSP allows. Checked in headless Chromium (test/security/docs-csp.test.ts).
 */
export const DOCS_CSP =
  "default-src 'none'; base-uri 'none'; connect-src 'self'; font-src 'self' data:; form-action 'none'; " +
  "frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; style-src 'self'";

/** Request headers a browser client may send cross-origin, and answer headers it may read. */
const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'authentication', 'if-match', 'x-request-id'];
const CORS_EXPOSED_HEADERS = ['etag', 'retry-after', 'x-request-id', 'ratelimit', 'ratelimit-policy', 'www-authenticate'];

export const securityPlugin = fp(
  async function securityPlugin(app: FastifyInstance, opts: { corsOrigins: string[] }) {
    // helmet's headers for this configuration, worked out once. @fastify/helmet built helmet anew
    // from its options on every request (parsing the CSP directives each time): a third of a cached
    // read's work besides the socket write, in a profile of `GET /products?page=N`.
    // They join the reply's own headers (names in lower case, as Fastify keeps them), rather than
    // going to Node one setHeader at a time: each of those lowered and validated its name again and
    // made Node merge two header sets when the answer was written.
    // A header set later by a route or plugin (the /docs CSP) still replaces helmet's.
    const names: string[] = [];
    const values: string[] = [];
    const recorder = {
      setHeader: (name: string, value: string) => {
        names.push(name.toLowerCase());
        values.push(value);
      },
      removeHeader: () => {},
    } as unknown as ServerResponse;
    helmet({ contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES } })(
      {} as never,
      recorder,
      (error?: unknown) => {
        if (error) throw error;
      },
    );
    app.addHook('onRequest', (_request, reply, done) => {
      for (let i = 0; i < names.length; i++) void reply.header(names[i]!, values[i]!);
      done();
    });
    if (opts.corsOrigins.length === 0) return;
    await app.register(cors, {
      // Exactly these origins: another origin's answer carries no Access-Control-Allow-Origin.
      origin: opts.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      // Tokens travel in Authorization, never in cookies cross-origin.
      credentials: false,
      maxAge: 600,
      // An OPTIONS without Origin is answered 204 too, rather than with a text/plain 400.
      strictPreflight: false,
    });
  },
  { name: 'security' },
);
