// The audit over HTTP, for operators: an entity's history (paged) or its
// state at a moment, as the same JSON objects as `npm run audit -- --json`.
// Registered only when ADMIN_TOKEN is set (absent, 404, otherwise); every
// request presents it as a bearer token, compared in constant time, and
// counts against a rate limit of its own per client address.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { bearer } from '../infra/auth.js';
import { Problem } from '../infra/errors.js';
import { comparePositions, decodePosition, type Position } from '../infra/eventstore/types.js';
import { ErrorBody, ref } from '../infra/http/schemas.js';
import { LimitsUnavailableError } from '../infra/ratelimit.js';
import { tokenCheck } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import { openedRecord, history, matches, parseFilter, parseMoment, statesAt, type Filter, type Subject } from './history.js';

/** Requests per minute per client address, whatever their token. */
export const ADMIN_RATE_LIMIT = 120;
const WINDOW_MS = 60_000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const tags = ['Admin'];
const security = [{ adminToken: [] }];

const Query = Type.Object(
  {
    at: Type.Optional(Type.String({ maxLength: 64, description: 'The state at this moment instead of the history: an ISO time, a log position C/P, or a commit number' })),
    since: Type.Optional(Type.String({ maxLength: 64, description: 'Only events at or after this ISO time' })),
    until: Type.Optional(Type.String({ maxLength: 64, description: 'Only events at or before this ISO time' })),
    type: Type.Optional(Type.String({ maxLength: 1000, description: 'Only events of these types (comma-separated)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: 'Events per page' })),
    cursor: Type.Optional(Type.String({ maxLength: 64, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
type Query = Static<typeof Query>;

export const AuditEvent = Type.Object(
  {
    position: Type.String({ description: 'Log position, commit/prepare' }),
    stream: Type.String(),
    revision: Type.Integer(),
    time: Type.String({ format: 'date-time' }),
    type: Type.String(),
    summary: Type.String({ description: 'The event in words' }),
    data: Type.Object({}, { additionalProperties: true, description: 'The payload less secrets and erased personal fields' }),
    metadata: Type.Object({}, { additionalProperties: true, description: 'requestId, actor, family, route' }),
  },
  { $id: 'AuditEvent', title: 'AuditEvent' },
);

const EntityState = Type.Object(
  {
    entity: Type.String(),
    stream: Type.String(),
    events: Type.Integer({ description: 'Events folded' }),
    position: Type.Union([Type.String(), Type.Null()], { description: 'Position of the last event folded' }),
    status: Type.String({ description: "'did not exist yet', 'active', 'deleted', 'placed', 'cancelled', 'stored'" }),
    state: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  },
  { $id: 'AuditState', title: 'AuditState' },
);

const AuditAnswer = Type.Object(
  {
    events: Type.Optional(Type.Array(ref(AuditEvent))),
    nextCursor: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null on the last' })),
    at: Type.Optional(Type.String()),
    states: Type.Optional(Type.Array(ref(EntityState))),
  },
  { $id: 'AuditAnswer', title: 'AuditAnswer', description: 'The history (events, nextCursor), or with `at` the states' },
);

export const adminSchemas = [AuditEvent, EntityState, AuditAnswer];

const filterOf = (q: Query): Filter =>
  parseFilter({ since: q.since, until: q.until, types: q.type === undefined ? [] : [q.type] }, (option) => new Problem(400, `${option} must be an ISO 8601 time`));

function cursorOf(text: string | undefined): Position | null {
  if (text === undefined) return null;
  try {
    return decodePosition(text);
  } catch {
    throw new Problem(400, 'cursor must be the nextCursor of a previous page');
  }
}

export const adminAuditRoutes: FastifyPluginAsyncTypebox<{ services: Services; token: string }> = async (app, { services, token }) => {
  const presentsToken = tokenCheck(token);
  for (const schema of adminSchemas) app.addSchema(schema);

  app.addHook('onRequest', async (request) => {
    let hit;
    try {
      hit = await services.limits.hit(`admin:ip:${request.ip}`, WINDOW_MS);
    } catch (error) {
      throw new LimitsUnavailableError(error);
    }
    if (hit.count > ADMIN_RATE_LIMIT) {
      throw new Problem(429, 'Too many requests, please try again later', 'TOO_MANY_REQUESTS', { 'retry-after': String(Math.max(1, Math.ceil(hit.resetInMs / 1000))) });
    }
    // The scheme read as everywhere else (auth.ts bearer(): "Bearer" in any case, RFC 7235).
    if (!presentsToken(bearer(request) ?? '')) {
      throw new Problem(401, 'A valid admin token is required (Authorization: Bearer <ADMIN_TOKEN>)', 'INVALID_TOKEN', { 'www-authenticate': 'Bearer realm="admin"' });
    }
  });

  async function answer(subject: Subject, q: Query, what: string) {
    const filter = filterOf(q);
    if (q.at !== undefined) {
      const moment = parseMoment(q.at);
      if (!moment) throw new Problem(400, 'at must be an ISO 8601 time, a log position C/P or a commit number');
      const states = await statesAt(services.eventStore, services.names, subject, moment);
      if (states.length === 0) throw new Problem(404, `No ${what}`);
      return { at: q.at, states };
    }
    const after = cursorOf(q.cursor);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const all = await history(services.eventStore, services.names, subject);
    if (all.length === 0) throw new Problem(404, `No ${what}`);
    const page = [];
    let more = false;
    for (const e of all) {
      if (after && comparePositions(e.position, after) <= 0) continue;
      if (!matches(e, filter)) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(await openedRecord(e, services.dataKeys));
    }
    return { events: page, nextCursor: more ? page[page.length - 1]!.position : null };
  }

  const responses = {
    200: ref(AuditAnswer),
    400: ref(ErrorBody),
    401: ref(ErrorBody),
    404: ref(ErrorBody),
    429: ref(ErrorBody),
    503: ref(ErrorBody),
  };
  const Id = Type.String({ minLength: 1, maxLength: 320 });
  const NumericId = Type.String({ pattern: '^[1-9][0-9]{0,14}$' });
  const numeric = (text: string) => Number(text);

  app.get(
    '/admin/audit/accounts/:id',
    {
      schema: {
        operationId: 'adminAuditAccount',
        summary: 'History (or state at a moment) of every account that held this username, email or id',
        tags,
        security,
        params: Type.Object({ id: Id }),
        querystring: Query,
        response: responses,
      },
    },
    async (request) => answer({ kind: 'account', identifier: request.params.id.trim() }, request.query, 'account has ever used this identifier'),
  );
  app.get(
    '/admin/audit/products/:id',
    {
      schema: { operationId: 'adminAuditProduct', summary: "A product's history, or its state at a moment", tags, security, params: Type.Object({ id: NumericId }), querystring: Query, response: responses },
    },
    async (request) => answer({ kind: 'product', id: numeric(request.params.id) }, request.query, 'such product'),
  );
  app.get(
    '/admin/audit/orders/:id',
    {
      schema: { operationId: 'adminAuditOrder', summary: "An order's history, or its state at a moment", tags, security, params: Type.Object({ id: NumericId }), querystring: Query, response: responses },
    },
    async (request) => answer({ kind: 'order', id: numeric(request.params.id) }, request.query, 'such order'),
  );
  app.get(
    '/admin/audit/data/:account/:key',
    {
      schema: {
        operationId: 'adminAuditData',
        summary: "A D data key's history, or its state at a moment (account: username, email or id)",
        tags,
        security,
        params: Type.Object({ account: Id, key: Type.String({ minLength: 1, maxLength: 256 }) }),
        querystring: Query,
        response: responses,
      },
    },
    async (request) => answer({ kind: 'data', account: request.params.account.trim(), key: request.params.key }, request.query, 'such key'),
  );
};
