// The OpenAPI document is generated from the route schemas (@fastify/swagger);
// openapi.yaml at the repository root is the same document (`npm run openapi`).
// Answers that every route of a kind can give (413 for a body too large, 503
// while a store is down, ...) are added here once, in the route's family
// envelope, so generated clients know about them.
//
// Then the document is made plain for client generators (openapi-typescript,
// @hey-api/openapi-ts and orval all generate from it and compile; a test
// checks): every JSON body is a named component (a schema's `title` names it,
// else its operation does), D's `code` and B's `responseCode` are enums per
// operation, and one-value alternatives are folded into one enum.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { codeForStatus } from '../errors.js';
import { familyOfPath } from './envelopes.js';
import { DOCS_CSP } from './security.js';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '400': 'Bad request: a missing, malformed or invalid field, or malformed JSON',
  '401': 'Not signed in: no token, or a token that is invalid, expired or revoked',
  '403': 'Forbidden',
  '404': 'Not found',
  '409': 'Conflict with the current state',
  '412': 'Precondition failed: If-Match does not match the current revision',
  '413': 'Request body too large (96 KiB at most)',
  '414': 'A path parameter is too long',
  '415': 'Content-Type must be application/json, in UTF-8 if a charset is declared',
  '429': 'Too many attempts: retry after the number of seconds in Retry-After',
  '503': 'A store is unavailable, or too many concurrent changes: retry after the number of seconds in Retry-After',
};

/** On every answer: the id this request is logged under. */
const REQUEST_ID_HEADER: Json = {
  description:
    "The request's id in the service's logs: the client's own X-Request-Id when it is 1 to 64 characters of A-Z a-z 0-9 . _ -, else a new UUID",
  schema: { type: 'string' },
};

/** Routes that answer without touching any store. */
const OPERATIONAL = new Set(['/health', '/ready', '/metrics', '/openapi.json']);

function envelopeFor(path: string): string {
  switch (familyOfPath(path)) {
    case 'B':
      return 'UsersApiBody';
    case 'D':
      return 'RegistrationApiError';
    default:
      return 'ErrorBody';
  }
}

/** Where `npm start` listens by default: generated fetch clients need an absolute URL. */
export const DEFAULT_SERVER = 'http://127.0.0.1:3000';

/**
 * D's error codes per operation and status (API-CONTRACT.md, the D routes).
 * Any D route answers 400 INVALID_REQUEST for malformed JSON or a malformed
 * URL; statuses not listed have the one code of their status. A key of
 * `..` (or `.` segments) makes the URL name another path, which answers
 * D's NOT_FOUND, so the key routes declare it beside KEY_NOT_FOUND.
 */
const D_CODES: Record<string, Record<string, string[]>> = {
  apiRegister: {
    '400': ['INVALID_REQUEST', 'INVALID_PASSWORD', 'INVALID_AGE', 'GENDER_REQUIRED'],
    '409': ['USERNAME_EXISTS', 'EMAIL_EXISTS'],
  },
  apiToken: { '400': ['INVALID_REQUEST', 'MISSING_FIELDS'], '401': ['INVALID_CREDENTIALS'], '403': ['EMAIL_NOT_VERIFIED'] },
  storeData: { '400': ['INVALID_REQUEST', 'INVALID_KEY', 'INVALID_VALUE'], '409': ['KEY_EXISTS'] },
  getData: { '400': ['INVALID_REQUEST', 'INVALID_KEY'], '404': ['KEY_NOT_FOUND', 'NOT_FOUND'] },
  updateData: { '400': ['INVALID_REQUEST', 'INVALID_KEY', 'INVALID_VALUE'], '404': ['KEY_NOT_FOUND', 'NOT_FOUND'] },
  deleteData: { '400': ['INVALID_REQUEST', 'INVALID_KEY'], '404': ['KEY_NOT_FOUND', 'NOT_FOUND'] },
};

function dCodes(operationId: string, status: string): string[] {
  const listed = D_CODES[operationId]?.[status];
  if (listed) return listed;
  if (status === '414') return ['URI_TOO_LONG'];
  return status === '400' ? ['INVALID_REQUEST'] : [codeForStatus(Number(status))];
}

/** B answers what it does not document with the HTTP status as responseCode, except 400 (600). */
const bResponseCode = (status: string) => (status === '400' ? 600 : Number(status));

/**
 * Security a route accepts that its schema cannot say: B's /logout ends the
 * session named by its cookie or by a bearer token, and answers 611 without
 * either (the empty alternative), so it is not "protected" (no 401).
 */
const EXTRA_SECURITY: Record<string, Json[]> = {
  logout: [{ sessionCookie: [] }, { bearerAuth: [] }, {}],
};

const refTo = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/** Named component schemas: one name, one shape (two different shapes under one name is a bug in the schemas). */
class Components {
  constructor(private readonly schemas: Record<string, Json>) {}

  register(name: string, schema: Json): Json {
    // A route may describe a shared shape its own way (its answer's description says the same): the shape decides.
    const { description, ...shape }: Json = { title: name, ...schema };
    const existing = this.schemas[name];
    if (existing) {
      const { description: _kept, ...existingShape } = existing;
      if (canonical(existingShape) !== canonical(shape)) {
        throw new Error(`OpenAPI: two different schemas are named ${name}:\n${canonical(existingShape)}\n${canonical(shape)}`);
      }
      return refTo(name);
    }
    this.schemas[name] = description === undefined ? shape : { ...shape, description };
    return refTo(name);
  }

  /** Replaces every titled subschema by a reference to a component of that name, and folds one-value alternatives. */
  hoist(schema: unknown): unknown {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
    const s = schema as Json;
    if (typeof s.$ref === 'string') return s;
    const out: Json = {};
    for (const [key, value] of Object.entries(s)) {
      if ((key === 'properties' || key === 'patternProperties') && value && typeof value === 'object') {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.hoist(v)]));
      } else if (['items', 'additionalProperties', 'not'].includes(key)) {
        out[key] = this.hoist(value);
      } else if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value)) {
        out[key] = value.map((v) => this.hoist(v));
      } else {
        out[key] = value;
      }
    }
    foldEnums(out);
    return typeof out.title === 'string' ? this.register(out.title, out) : out;
  }

  /** A body's schema as a reference: its own title names it, or the given name. */
  name(schema: Json, fallback: string): Json {
    const hoisted = this.hoist(schema) as Json;
    return typeof hoisted.$ref === 'string' ? hoisted : this.register(fallback, hoisted);
  }
}

/** anyOf [{type: number, enum: [615]}, {type: number, enum: [607]}] → {type: integer, enum: [615, 607]}. */
function foldEnums(s: Json): void {
  const alternatives = s.anyOf as Json[] | undefined;
  if (!Array.isArray(alternatives) || alternatives.length === 0) return;
  const single = alternatives.every(
    (a) => Object.keys(a).every((k) => k === 'type' || k === 'enum') && Array.isArray(a.enum) && a.enum.length === 1 && a.type === alternatives[0]!.type,
  );
  if (!single) return;
  const values = alternatives.map((a) => (a.enum as unknown[])[0]);
  delete s.anyOf;
  s.type = values.every((v) => Number.isInteger(v)) ? 'integer' : alternatives[0]!.type;
  s.enum = values;
}

function isRef(schema: unknown, name: string): boolean {
  return (schema as Json | undefined)?.$ref === `#/components/schemas/${name}`;
}

/** D and B error bodies with the codes each operation can answer, as named components. */
function specificErrors(components: Components, path: string, operationId: string, responses: Record<string, Json>): void {
  const family = familyOfPath(path);
  for (const [status, response] of Object.entries(responses)) {
    const media = (response.content as Record<string, Json> | undefined)?.['application/json'];
    if (!media) continue;
    if (family === 'D' && isRef(media.schema, 'RegistrationApiError')) {
      const codes = dCodes(operationId, status);
      const shared = !D_CODES[operationId]?.[status];
      setSchema(response, components.register(shared ? `RegistrationApiError${status}` : `${pascal(operationId)}Error${status}`, {
        type: 'object',
        required: ['status', 'code', 'message'],
        properties: {
          status: { type: 'string', enum: ['error'] },
          code: { type: 'string', enum: codes },
          message: { type: 'string' },
        },
      }));
    } else if (family === 'B' && isRef(media.schema, 'UsersApiBody')) {
      setSchema(response, components.register(`UsersApiError${status}`, {
        type: 'object',
        required: ['statusCode', 'responseCode', 'error'],
        properties: {
          statusCode: { type: 'integer', enum: [Number(status)] },
          responseCode: { type: 'integer', enum: [bResponseCode(status)] },
          error: { type: 'string' },
        },
      }));
    }
  }
}

/** A new JSON body schema for one answer (answers added together share their content object). */
function setSchema(response: Json, schema: Json): void {
  const content = response.content as Record<string, Json>;
  response.content = { ...content, 'application/json': { ...content['application/json'], schema } };
}

/** Every JSON request and response body as a named component (generators name types after them). */
function nameBodies(components: Components, operationId: string, operation: Json): void {
  const body = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const json = body?.['application/json'];
  if (json?.schema) json.schema = components.name(json.schema as Json, `${pascal(operationId)}Body`); // the operation's own
  const responses = operation.responses as Record<string, Json>;
  const successes = Object.keys(responses).filter((s) => s.startsWith('2'));
  for (const [status, response] of Object.entries(responses)) {
    const media = (response.content as Record<string, Json> | undefined)?.['application/json'];
    if (!media?.schema) continue;
    const fallback = `${pascal(operationId)}${status.startsWith('2') ? (successes.length > 1 ? `Response${status}` : 'Response') : `Error${status}`}`;
    setSchema(response, components.name(media.schema as Json, fallback));
  }
}

/** Adds the answers every route of a kind can give, and a description to every answer. */
export function completeDocument(document: Json): Json {
  const components = (document.components ??= {}) as Json;
  ((components.headers ??= {}) as Json).RequestId = REQUEST_ID_HEADER;
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const responses = (operation.responses ??= {}) as Record<string, Json>;
      const envelope = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${envelopeFor(path)}` } } } };
      const add = (status: string) => {
        responses[status] ??= { description: STATUS_TEXT[status]!, ...envelope };
      };
      if (!OPERATIONAL.has(path)) add('503');
      // Fastify reads a body sent with any method but GET and HEAD, declared or not: too large or not JSON is refused.
      if (operation.requestBody || !['get', 'head'].includes(method)) ['400', '413', '415'].forEach(add);
      const parameters = (operation.parameters ?? []) as { in: string }[];
      if (parameters.some((p) => p.in === 'path')) add('414');
      for (const [status, response] of Object.entries(responses)) {
        if (response.description === 'Default Response') response.description = STATUS_TEXT[status] ?? 'Response';
        const headers = (response.headers ??= {}) as Record<string, Json>;
        if (status === '429' || status === '503') {
          headers['Retry-After'] ??= { description: 'Seconds to wait before retrying', schema: { type: 'integer' } };
        }
        headers['X-Request-Id'] ??= { $ref: '#/components/headers/RequestId' };
      }
      // Sorted by status, so the committed file does not churn with registration order.
      operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return plainForGenerators(document);
}

/** Named bodies, per-operation codes and extra security (see the top of this file). */
function plainForGenerators(document: Json): Json {
  const componentsObject = (document.components ??= {}) as Json;
  const components = new Components((componentsObject.schemas ??= {}) as Record<string, Json>);
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const operation of Object.values(operations)) {
      const operationId = String(operation.operationId ?? '');
      if (!operationId) continue;
      specificErrors(components, path, operationId, operation.responses as Record<string, Json>);
      nameBodies(components, operationId, operation);
      const extra = EXTRA_SECURITY[operationId];
      if (extra) operation.security = extra;
    }
  }
  // Sorted by name, so the committed file does not churn with route order.
  componentsObject.schemas = Object.fromEntries(
    Object.entries(componentsObject.schemas as Record<string, Json>).sort(([a], [b]) => a.localeCompare(b)),
  );
  return document;
}

export const openApi = fp(
  async function openApi(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Chronicle',
          version: '0.1.0',
          description:
            'Accounts, sessions, products, orders and per-user data for five API families on one event-sourced core. ' +
            'Each family keeps its own paths, bodies and error envelope (see API-CONTRACT.md); ' +
            'a token from any family is accepted by every protected route.',
        },
        servers: [{ url: DEFAULT_SERVER, description: '`npm start` on its defaults (PORT, HOST)' }],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sessionId', description: "B's session, set by /users/login" },
            adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, for the operators\' /admin routes (absent unless it is set)' },
          },
        },
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
      transformObject: (documentObject) =>
        completeDocument(('openapiObject' in documentObject ? documentObject.openapiObject : {}) as Json),
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
