// Every route the service declares, read from openapi.yaml (dereferenced), so
// that hostile tests cover routes added later without being told. Also the
// one judge of error envelopes: the family comes from the path, as
// src/infra/http/envelopes.ts assigns it.
import SwaggerParser from '@apidevtools/swagger-parser';
import { familyOfPath, type Family } from '../../src/infra/http/envelopes.js';

/** The subset of JSON Schema the route schemas use. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  maxProperties?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Route {
  method: Method;
  /** The OpenAPI template, e.g. `/products/{id}`. */
  path: string;
  operationId: string;
  /** Whose error envelope the route answers in (null: `{"error": msg}`, A/E and operational routes). */
  family: Family | null;
  /** Declares `security` without an empty alternative: credentials are required (/logout takes them but needs none). */
  protected: boolean;
  body: JsonSchema | null;
  params: Parameter[];
  /** Statuses the document declares, with their JSON body schema. */
  responses: Record<string, JsonSchema | null>;
}

const OPENAPI = new URL('../../openapi.yaml', import.meta.url).pathname;

let cached: Promise<Route[]> | null = null;

/**
 * Every operation of the five families in openapi.yaml, in document order.
 * The operators' /admin routes are left out: they exist only with
 * ADMIN_TOKEN, take that token rather than a session's, and have their own
 * tests (test/audit/admin-routes.test.ts).
 */
export function routesFromOpenApi(): Promise<Route[]> {
  cached ??= (async () => {
    const doc = (await SwaggerParser.dereference(OPENAPI)) as unknown as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const routes: Route[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (path.startsWith('/admin/')) continue;
      for (const [method, op] of Object.entries(operations)) {
        const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content?.[
          'application/json'
        ]?.schema;
        const responses: Record<string, JsonSchema | null> = {};
        for (const [status, r] of Object.entries(op.responses as Record<string, { content?: Record<string, { schema: JsonSchema }> }>)) {
          responses[status] = r.content?.['application/json']?.schema ?? null;
        }
        routes.push({
          method: method.toUpperCase() as Method,
          path,
          operationId: op.operationId as string,
          family: familyOfPath(path),
          protected:
            Array.isArray(op.security) && (op.security as object[]).length > 0 && !(op.security as object[]).some((s) => Object.keys(s).length === 0),
          body: body ?? null,
          params: ((op.parameters ?? []) as Parameter[]).map((p) => ({ ...p, required: Boolean(p.required) })),
          responses,
        });
      }
    }
    return routes;
  })();
  return cached;
}

/** The route's URL with its path parameters filled in (each value URL-encoded unless `raw`). */
export function fillPath(route: Pick<Route, 'path'>, values: Record<string, string>, raw = false): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name] ?? '1';
    return raw ? value : encodeURIComponent(value);
  });
}

export const describeRoute = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

/**
 * Why an error answer is not in its family's envelope, or null when it is.
 * A/C/E (and paths outside every family): exactly `{"error": string}`.
 * B: `{statusCode: <HTTP status>, responseCode: 600 for 400, else the status, error?: string}`.
 * D: exactly `{status: "error", code: UPPER_CASE, message: string}`.
 */
export function envelopeProblem(url: string, status: number, body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `not a JSON object: ${JSON.stringify(body)}`;
  const o = body as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  switch (familyOfPath(url)) {
    case 'B': {
      if (o.statusCode !== status) return `B statusCode ${String(o.statusCode)} for HTTP ${status}`;
      const expected = status === 400 ? 600 : status;
      if (o.responseCode !== expected) return `B responseCode ${String(o.responseCode)} for HTTP ${status}`;
      if (!['responseCode,statusCode', 'error,responseCode,statusCode'].includes(keys)) return `B keys ${keys}`;
      if ('error' in o && (typeof o.error !== 'string' || o.error === '')) return 'B error is not a message';
      return null;
    }
    case 'D':
      if (keys !== 'code,message,status') return `D keys ${keys}`;
      if (o.status !== 'error') return `D status ${String(o.status)}`;
      if (typeof o.code !== 'string' || !/^[A-Z][A-Z_]*$/.test(o.code)) return `D code ${String(o.code)}`;
      if (typeof o.message !== 'string' || o.message === '') return 'D message is not a message';
      return null;
    default:
      if (keys !== 'error') return `{"error"} keys ${keys}`;
      if (typeof o.error !== 'string' || o.error === '') return 'error is not a message';
      return null;
  }
}

/** Signs of an internal leaking out: a stack frame, a source path, an exception name. */
export function leaksInternals(text: string): boolean {
  return /\bat [\w.<>]+ \(|\/node_modules\/|\/src\/[\w/-]+\.(ts|js)|\.ts:\d+:\d+|RangeError|TypeError|ReferenceError|SQLITE_|ERR_[A-Z_]{4,}/.test(
    text,
  );
}
