// The HTTP shell every route shares: schema validation (bodies never coerced,
// query strings and path parameters parsed), one error handler that answers in
// the route's family envelope and never leaks a stack trace, and the 404s.
import type { FastifyContextConfig, FastifyInstance, FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler, FastifySchemaValidationError, FastifyServerOptions } from 'fastify';
import type { Socket } from 'node:net';
import { isUtf8 } from 'node:buffer';
import fp from 'fastify-plugin';
import secureJson from 'secure-json-parse';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import { ConcurrencyError, Problem } from '../errors.js';
import { EventStoreUnavailableError } from '../eventstore/types.js';
import { ReadStoreUnavailableError } from '../readstore/types.js';
import { familyOfPath, renderProblem, type Family } from './envelopes.js';
import { runInRequest } from '../request-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The API family whose envelope this route answers errors in. */
    family?: Family;
    /** Turns schema validation errors into the route's own message (first match wins). */
    invalid?: (errors: FastifySchemaValidationError[], part: string) => Problem;
    /**
     * The body's object keys are data (D's stored values): `__proto__` and `constructor.prototype`
     * are kept as own properties instead of refused. Such a route never merges the body into another object.
     */
    jsonKeysAsData?: boolean;
  }
}

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** How long after start the routes' schemas not yet used are compiled in the background. */
const WARM_SCHEMAS_AFTER_MS = 1000;

/** One validator for bodies (types must match exactly) and one for text inputs (parsed from strings). */
function validators() {
  // verbose: errors carry the offending value, so an empty string can be told from a short one.
  const body = new Ajv({ coerceTypes: false, useDefaults: true, allErrors: true, verbose: true, strict: false });
  const text = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: false, strict: false });
  addFormats(body);
  addFormats(text);
  return { body, text };
}

type ValidatorFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'];

/**
 * The routes' schema compilers, each route's validators (ajv) and response serializers
 * (fast-json-stringify) compiled at their first use instead of before listening: compiling
 * them all, with ajv's meta-schemas and Fastify's own default compilers, was most of a start
 * with an empty log. `pending` holds what is not compiled yet; the shell compiles it in the
 * background once the service is ready. One per app: its `schemaController` goes to Fastify's
 * constructor (so Fastify never loads its default validator compiler), the object to `httpShell`.
 */
export class LaterCompiles {
  readonly pending = new Set<() => unknown>();
  private readonly ajv = this.defer(validators);

  /** A function that compiles at its first call and returns the same result after. */
  defer<T>(compile: () => T): () => T {
    let compiled: T | undefined;
    const get = (): T => {
      if (compiled === undefined) {
        compiled = compile();
        this.pending.delete(get);
      }
      return compiled;
    };
    this.pending.add(get);
    return get;
  }

  private readonly validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
    const compiled = this.defer(() => (httpPart === 'body' ? this.ajv().body : this.ajv().text).compile(schema as object));
    // Fastify reads a failed validation's errors from the function it was given.
    const validate = (data: unknown): boolean => {
      const fn = compiled();
      const valid = fn(data) as boolean;
      validate.errors = fn.errors;
      return valid;
    };
    validate.errors = null as ValidateFunction['errors'];
    return validate;
  };

  /** Fastify's default serializer builder (fast-json-stringify, with each context's shared schemas), each route's deferred. */
  private serializers(): SerializerSelector.SerializerFactory {
    const selector = SerializerSelector();
    return (externalSchemas, options) => {
      const compiler = this.defer(() => selector(externalSchemas, options));
      return (route) => {
        const serializer = this.defer(() => compiler()(route));
        return (doc) => serializer()(doc);
      };
    };
  }

  /**
   * Fastify's `schemaController` option. Fastify calls a validator builder's compiler with the
   * route's schema definition, as `setValidatorCompiler` does; its types describe ajv-compiler's.
   */
  readonly schemaController = {
    compilersFactory: {
      buildValidator: (() => this.validatorCompiler) as unknown as ValidatorFactory,
      buildSerializer: this.serializers(),
    },
  } satisfies FastifyServerOptions['schemaController'];
}

/** Fastify's own message for an ajv error, without the "body/" noise: "password must NOT have fewer than 8 characters". */
export function describeValidation(errors: FastifySchemaValidationError[], part: string): string {
  const e = errors[0];
  if (!e) return 'Invalid request';
  if (e.keyword === 'required') return `${(e.params as { missingProperty: string }).missingProperty} is required`;
  const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return `${field || part} ${e.message ?? 'is invalid'}`;
}

/** The top-level body field an ajv error is about ('' for the body itself). */
export function fieldOf(e: FastifySchemaValidationError): string {
  if (e.keyword === 'required') return (e.params as { missingProperty: string }).missingProperty;
  return e.instancePath.split('/')[1] ?? '';
}

/** Missing, empty, or the body is not an object at all: the families' "X is required" case. */
export function isMissing(e: FastifySchemaValidationError): boolean {
  if (e.keyword === 'required') return true;
  if (e.instancePath === '' && e.keyword === 'type') return true;
  const data = (e as { data?: unknown }).data;
  return e.instancePath.split('/').length === 2 && typeof data === 'string' && data.trim() === '';
}

/** A lone UTF-16 surrogate: JSON's "\ud800" escape parses into one, but no UTF-8 store can hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a parsed JSON body holds text (a value or a key) that is not valid Unicode; looked at without recursion. */
export function holdsInvalidText(body: unknown): boolean {
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return true;
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        if (LONE_SURROGATE.test(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/** The charset a Content-Type declares, or null: `application/json; charset="UTF-8"` is "UTF-8". */
export function declaredCharset(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? '') : null;
}

/**
 * The one JSON body parser. JSON is UTF-8 (RFC 8259): another declared charset is 415, and
 * bytes that are not UTF-8 are refused rather than replaced with U+FFFD. An empty body is
 * no body for routes that take none (clients send `content-type` on DELETE and GET too).
 */
export function parseJsonBody(request: FastifyRequest, body: Buffer): unknown {
  const charset = declaredCharset(request.headers['content-type']);
  if (charset !== null && !/^utf-?8$/i.test(charset)) {
    throw new Problem(415, 'Content-Type must be application/json in UTF-8 (charset=utf-8 or none)');
  }
  if (body.length === 0) {
    if (!routeOf(request)?.takesBody) return undefined;
    throw new Problem(400, 'Malformed JSON body');
  }
  if (!isUtf8(body)) throw new Problem(400, 'Malformed JSON body: text must be valid UTF-8');
  const action = routeOf(request)?.config.jsonKeysAsData === true ? 'ignore' : 'error';
  return secureJson.parse(body.toString('utf8'), undefined, { protoAction: action, constructorAction: action });
}

/**
 * What the shell and the metrics need of a request's route, worked out once when the route is
 * added. `request.routeOptions` builds a new object of thirteen fields at every read, and it was
 * read three times per request (taking one of those reads out of a cached read saved 1.7 µs of
 * its 36; taking out two, with this, 0.8 µs).
 */
export interface RouteFacts {
  /** The route's URL pattern (`/api/data/:key`), the metrics' label. */
  readonly url: string;
  readonly family: Family | null;
  readonly config: FastifyContextConfig;
  /** Whether the route takes a body at all (an empty body is no body for the others). */
  readonly takesBody: boolean;
}

/** Where a routed request's facts are kept: set by the route's first onRequest hook, null until then and on 404s. */
const ROUTE = Symbol('route');
declare module 'fastify' {
  interface FastifyRequest {
    [ROUTE]: RouteFacts | null;
  }
}

/**
 * The request's route, or null for a request no route matched. Before the route's own hooks
 * have run (an error in a plugin's onRequest hook), worked out from `routeOptions`.
 */
export function routeOf(request: FastifyRequest): RouteFacts | null {
  const facts = request[ROUTE];
  if (facts !== null || request.is404) return facts;
  const { url, config, schema } = request.routeOptions;
  return url === undefined ? null : factsOf(url, config, schema?.body !== undefined);
}

/** A route's own hooks of one kind, as a list (Fastify takes none, one, or a list): for onRoute hooks that add theirs. */
export const routeHooks = <H>(own: H | H[] | undefined): H[] => (own === undefined ? [] : Array.isArray(own) ? own : [own]);

const factsOf = (url: string, config: FastifyContextConfig | undefined, takesBody: boolean): RouteFacts =>
  Object.freeze({ url, family: config?.family ?? familyOfPath(url), config: config ?? {}, takesBody });

function familyOf(request: FastifyRequest): Family | null {
  return routeOf(request)?.family ?? familyOfPath(request.url);
}

export function problemFor(error: FastifyError, request: FastifyRequest): Problem | null {
  if (error instanceof Problem) return error;
  if (error.validation) {
    const part = error.validationContext ?? 'body';
    return (
      routeOf(request)?.config.invalid?.(error.validation, part) ??
      new Problem(400, describeValidation(error.validation, part))
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'Request body too large (96 KiB at most)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'Content-Type must be application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem(400, 'Malformed JSON body');
  }
  if (error instanceof SyntaxError || error.name === 'SyntaxError') return new Problem(400, 'Malformed JSON body');
  if (error instanceof EventStoreUnavailableError || error instanceof ReadStoreUnavailableError) {
    return new Problem(503, 'Service temporarily unavailable, please retry', 'SERVICE_UNAVAILABLE', {
      'retry-after': '1',
    });
  }
  if (error instanceof ConcurrencyError) {
    return new Problem(503, 'Too many concurrent changes, please retry', 'SERVICE_UNAVAILABLE', { 'retry-after': '1' });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(error.statusCode, error.message);
  }
  return null;
}

/**
 * Errors the router raises before any route or plugin runs (a path parameter
 * over the length limit, a malformed URL): still answered in the family envelope.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new Problem(414, 'URI too long', 'URI_TOO_LONG')
      : new Problem(400, 'Malformed URL');
  const { status, body } = renderProblem(familyOfPath(request.url), problem);
  // No hook runs for these: the shell's headers are set here.
  void reply.code(status).headers(commonHeaders(request)).send(body);
}

/** Headers on every answer: the request's id, and no caching (answers carry tokens, session ids and personal data). */
function commonHeaders(request: FastifyRequest): Record<string, string> {
  return { 'x-request-id': request.id, 'cache-control': 'no-store' };
}

/**
 * Bytes Node's HTTP parser cannot read as a request (no route, no family is
 * known yet): answered in the root envelope, {"error": "..."}, then closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'Request timed out']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'Request headers too large']
        : [400, 'Bad Request', 'Malformed HTTP request'];
  const body = JSON.stringify({ error: message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export const httpShell = fp(
  async function httpShell(app: FastifyInstance, { later }: { later: LaterCompiles }) {
    // Every family speaks JSON only: anything else is 415, not a string body that fails validation.
    app.removeContentTypeParser(['text/plain', 'application/json']);
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      try {
        done(null, parseJsonBody(request, body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    // Static files (the /docs page) set their own Cache-Control over this one.
    app.addHook('onRequest', (request, reply, done) => {
      // commonHeaders(request), set one by one: no object per request.
      void reply.header('x-request-id', request.id).header('cache-control', 'no-store');
      done();
    });
    app.decorateRequest(ROUTE, null);
    // Each route's first own hook: its facts, and the context everything the request appends to
    // the log carries (which request, route and caller caused it). A request no route matched
    // appends nothing and needs neither.
    app.addHook('onRoute', (route) => {
      const facts = factsOf(route.url, route.config, route.schema?.body !== undefined);
      route.onRequest = [
        function routeFacts(request, _reply, done) {
          request[ROUTE] = facts;
          const userAgent = request.headers['user-agent'];
          const context = {
            requestId: String(request.id),
            actor: 'anonymous',
            family: facts.family,
            route: facts.url,
            client: { address: request.ip, ...(typeof userAgent === 'string' ? { userAgent: userAgent.slice(0, 512) } : {}) },
          };
          runInRequest(context, done);
        },
        ...routeHooks(route.onRequest),
      ];
    });
    let warming: NodeJS.Immediate | NodeJS.Timeout | undefined;
    // Route schemas not used yet are compiled in the background once the service is ready.
    app.addHook('onReady', (done) => {
      // A second after start (the first requests, /ready's among them, compile only their own),
      // one schema per turn of the event loop: requests arriving meanwhile go first.
      const next = () => {
        const [compile] = later.pending;
        if (!compile) return;
        try {
          compile();
        } catch (error) {
          // A schema that does not compile fails its route's requests too (500, logged): said once here.
          later.pending.delete(compile);
          app.log.error({ err: error }, 'a route schema does not compile');
        }
        warming = setImmediate(next);
      };
      warming = setTimeout(next, WARM_SCHEMAS_AFTER_MS).unref();
      done();
    });
    app.addHook('onClose', (_app, done) => {
      clearTimeout(warming as NodeJS.Timeout);
      clearImmediate(warming as NodeJS.Immediate);
      done();
    });

    // Text that is not valid Unicode would be stored differently by each store (Redis turns a lone
    // surrogate into U+FFFD, the log keeps it): refused like malformed JSON, before validation.
    // (Callback hooks, here and in the other hooks every request passes: no promise per request.)
    app.addHook('preValidation', (request, _reply, done) => {
      if (request.body !== undefined && holdsInvalidText(request.body)) {
        return done(new Problem(400, 'Malformed JSON body: text must be valid Unicode'));
      }
      done();
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      let problem = problemFor(error, request);
      if (!problem) {
        request.log.error({ err: error }, 'unhandled error');
        problem = new Problem(500, 'Internal server error', 'INTERNAL_ERROR');
      } else if (problem.status >= 500) {
        request.log.warn({ err: error }, problem.message);
      }
      const { status, body } = renderProblem(familyOf(request), problem);
      void reply.code(status).headers(problem.headers).send(body);
    });

    app.setNotFoundHandler((request, reply) => {
      const { status, body } = renderProblem(familyOfPath(request.url), new Problem(404, 'Not found'));
      void reply.code(status).send(body);
    });
  },
  { name: 'http-shell' },
);
