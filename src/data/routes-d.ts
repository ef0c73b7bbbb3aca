// /api/data: D's per-user key-value store. Keys belong to the caller: another
// user's key does not exist for them (KEY_NOT_FOUND), and two users may hold
// the same key. A value is any JSON: keys such as `__proto__` are data, kept as
// own properties (the body is parsed with jsonKeysAsData) and never merged
// into another object on the way to the log and the read models.
import type { FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, Problem } from '../infra/errors.js';
import { RegistrationApiError, ref } from '../infra/http/schemas.js';
import { fieldOf } from '../infra/http/shell.js';
import { jsonOncePerValue } from '../infra/http/cached-json.js';
import { refuseD, signedIn, signedInCaller } from '../infra/http/signed-in.js';
import type { Services } from '../infra/services.js';
import { findValue } from './queries.js';
import { deleteData, storeData, updateData } from './commands.js';
import type { KeyRefusal } from './decider.js';
import { Done, Found, KeyParams, StoreBody, UpdateBody, messages, serialisedValue } from './schemas.js';

const tags = ['D: Registration API'];
const security = [{ bearerAuth: [] }];

type Code = 'INVALID_KEY' | 'INVALID_VALUE' | 'KEY_EXISTS' | 'KEY_NOT_FOUND';
const STATUS: Record<Code, number> = { INVALID_KEY: 400, INVALID_VALUE: 400, KEY_EXISTS: 409, KEY_NOT_FOUND: 404 };
const problem = (code: Code) => new Problem(STATUS[code], messages[code], code);

/** Key errors first (a body that is not an object has no key either), then the value. */
function invalid(errors: FastifySchemaValidationError[], part: string): Problem {
  if (part === 'params') return problem('INVALID_KEY');
  const keyError = errors.some((e) => fieldOf(e) === 'key' || (e.instancePath === '' && e.keyword !== 'required'));
  return problem(keyError ? 'INVALID_KEY' : 'INVALID_VALUE');
}

/** PUT's body has only a value: anything wrong with it is INVALID_VALUE. */
const invalidUpdate = (errors: FastifySchemaValidationError[], part: string): Problem =>
  part === 'params' ? problem('INVALID_KEY') : problem('INVALID_VALUE');

function checkedValue(value: unknown): unknown {
  if (serialisedValue(value) === null) throw problem('INVALID_VALUE');
  return value;
}

/** The domain's refusals, in D's wire codes. */
const WIRE_CODES: Record<KeyRefusal, Code> = { KeyExists: 'KEY_EXISTS', KeyNotFound: 'KEY_NOT_FOUND' };

function dataProblem(error: unknown): never {
  if (error instanceof DomainError && Object.hasOwn(WIRE_CODES, error.code)) throw problem(WIRE_CODES[error.code as KeyRefusal]);
  throw error;
}

const errors = {
  400: ref(RegistrationApiError),
  401: ref(RegistrationApiError),
};

/** Body over 96 KiB, or not JSON. */
const bodyErrors = { 413: ref(RegistrationApiError), 415: ref(RegistrationApiError) };

export const dataRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const guard = signedIn(app, refuseD);
  // A value read again is the same frozen object (kept opened): its answer is made, and its JSON written, once.
  const sendFound = jsonOncePerValue();
  const answers = new WeakMap<object, object>();
  const answerFor = (found: Readonly<{ value: unknown }>, key: string): object => {
    const known = answers.get(found);
    if (known) return known;
    const answer = { status: 'success' as const, data: { key, value: found.value } };
    if (!Object.isFrozen(found)) return answer;
    Object.freeze(answer.data);
    answers.set(found, Object.freeze(answer));
    return answer;
  };

  app.post(
    '/api/data',
    {
      schema: {
        operationId: 'storeData',
        summary: 'Store a new key-value pair for the caller (D)',
        tags,
        security,
        body: StoreBody,
        response: { 201: Done, ...errors, 409: ref(RegistrationApiError), ...bodyErrors },
      },
      config: { family: 'D', invalid, jsonKeysAsData: true },
      onRequest: guard,
    },
    async (request, reply) => {
      const { userId } = signedInCaller(request);
      const { key, value } = request.body;
      await storeData(services, { userId, key, value: checkedValue(value) }).catch(dataProblem);
      return reply.code(201).send({ status: 'success' as const, message: messages.stored });
    },
  );

  app.get(
    '/api/data/:key',
    {
      schema: {
        operationId: 'getData',
        summary: "Read one of the caller's keys (D)",
        tags,
        security,
        params: KeyParams,
        response: { 200: Found, ...errors, 404: ref(RegistrationApiError) },
      },
      config: { family: 'D', invalid },
      onRequest: guard,
    },
    async (request, reply) => {
      const { userId } = signedInCaller(request);
      const { key } = request.params;
      const found = await findValue(services, userId, key);
      if (!found) throw problem('KEY_NOT_FOUND');
      return sendFound(reply, answerFor(found, key));
    },
  );

  app.put(
    '/api/data/:key',
    {
      schema: {
        operationId: 'updateData',
        summary: "Replace the value of one of the caller's keys (D)",
        tags,
        security,
        params: KeyParams,
        body: UpdateBody,
        response: { 200: Done, ...errors, 404: ref(RegistrationApiError), ...bodyErrors },
      },
      config: { family: 'D', invalid: invalidUpdate, jsonKeysAsData: true },
      onRequest: guard,
    },
    async (request) => {
      const { userId } = signedInCaller(request);
      const { key } = request.params;
      await updateData(services, { userId, key, value: checkedValue(request.body.value) }).catch(dataProblem);
      return { status: 'success' as const, message: messages.updated };
    },
  );

  app.delete(
    '/api/data/:key',
    {
      schema: {
        operationId: 'deleteData',
        summary: "Delete one of the caller's keys (D); its history stays in the log",
        tags,
        security,
        params: KeyParams,
        response: { 200: Done, ...errors, 404: ref(RegistrationApiError) },
      },
      config: { family: 'D', invalid },
      onRequest: guard,
    },
    async (request) => {
      const { userId } = signedInCaller(request);
      await deleteData(services, { userId, key: request.params.key }).catch(dataProblem);
      return { status: 'success' as const, message: messages.deleted };
    },
  );
};
