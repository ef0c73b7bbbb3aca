// The OpenAPI document is generated from the route schemas (@fastify/swagger);
// openapi.yaml at the repository root is the same document (`npm run openapi`).
// Answers that every route of a kind can give (413 for a body too large, 503
// while a store is down, ...) are added here once, in the route's family
// envelope, so generated clients know about them.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { stringify } from 'yaml';
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
  return document;
}

/** The document as YAML, without anchors and aliases (plainer for readers and generators). */
export function toYaml(document: unknown): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
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
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
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
