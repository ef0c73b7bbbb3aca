// /products: E's product API, whose GET routes are also A's catalogue
// (API-CONTRACT.md "Products"). Tokens are required unless
// PUBLIC_PRODUCT_READS lets anonymous callers read.
import type { FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DomainError, Problem } from '../infra/errors.js';
import { decimalOnly } from '../infra/http/params.js';
import { ErrorBody, ref } from '../infra/http/schemas.js';
import { jsonOncePerValue } from '../infra/http/cached-json.js';
import { isMissing, fieldOf } from '../infra/http/shell.js';
import { refuseAE, signedIn, signedInCaller } from '../infra/http/signed-in.js';
import type { Services } from '../infra/services.js';
import { createProduct, deleteProduct, updateProduct } from './commands.js';
import type { Precondition, ProductRefusal } from './decider.js';
import { findProduct, listProducts } from './queries.js';
import { DEFAULT_PAGE_SIZE, PageQuery, Product, ProductBody, ProductPage, ProductParams, messages } from './schemas.js';

const E = 'E: Products API';
const BOTH = ['A: Dium', E];

function invalid(errors: FastifySchemaValidationError[], part: string): Problem {
  if (part === 'params') return new Problem(400, messages.invalidId);
  if (part === 'querystring') return new Problem(400, messages.invalidPage);
  if (part === 'body') {
    if (errors.some((e) => isMissing(e) || e.keyword === 'type')) return new Problem(400, messages.required);
    const tooLong = errors.find((e) => e.keyword === 'maxLength');
    if (tooLong) return new Problem(400, fieldOf(tooLong) === 'name' ? messages.nameTooLong : messages.descriptionTooLong);
  }
  return new Problem(400, messages.required);
}

const badId = () => new Problem(400, messages.invalidId);
const badPage = () => new Problem(400, messages.invalidPage);

/**
 * If-Match: a comma-separated list of ETags ("3") or "*". Strong comparison,
 * so weak tags (W/"3") never match. "*" asks only that the product exists,
 * which every change requires anyway.
 */
export function precondition(header: string | undefined): Precondition {
  if (header === undefined || header.trim() === '*') return undefined;
  const revisions = header
    .split(',')
    .map((tag) => /^\s*"(\d{1,15})"\s*$/.exec(tag)?.[1])
    .filter((r): r is string => r !== undefined)
    .map(Number);
  return { revisions };
}

/** Body over 96 KiB, or not JSON. */
const bodyErrors = { 413: ref(ErrorBody), 415: ref(ErrorBody) };

const etag = (revision: number) => `"${revision}"`;

const ETagged = (description: string) =>
  Type.Object(Product.properties, {
    title: 'Product',
    description,
    headers: { ETag: { type: 'string', description: "The product's revision, for If-Match" } },
  });

const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'Apply only if the product still has this ETag (else 412); omit to apply to the latest' }),
  ),
});

/** The product's refusals in A's and E's answers (ProductExists never reaches a route: ids are allocated). */
const REFUSALS: Record<Exclude<ProductRefusal, 'ProductExists'>, (notOwner: string) => Problem> = {
  ProductNotFound: () => new Problem(404, messages.notFound),
  NotProductOwner: (notOwner) => new Problem(403, notOwner),
  ProductChanged: () => new Problem(412, messages.changed),
};

function productProblem(error: unknown, notOwner: string): never {
  if (error instanceof DomainError && Object.hasOwn(REFUSALS, error.code)) {
    throw REFUSALS[error.code as keyof typeof REFUSALS](notOwner);
  }
  throw error;
}

export const productRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const publicReads = services.config.publicProductReads;
  const readGuard = signedIn(app, refuseAE, { anonymous: publicReads });
  const writeGuard = signedIn(app, refuseAE);
  const security: Record<string, string[]>[] = [{ bearerAuth: [] }];
  // {} in the list: the route also serves callers without credentials.
  const readSecurity: Record<string, string[]>[] = publicReads ? [...security, {}] : security;
  // Cached reads answer the same product or page object until it changes: its JSON is written once.
  const sendPage = jsonOncePerValue();
  const sendProduct = jsonOncePerValue();

  app.get(
    '/products',
    {
      schema: {
        operationId: 'listProducts',
        summary: 'List products by id, a page at a time (E; A\'s catalogue)',
        tags: BOTH,
        security: readSecurity,
        querystring: PageQuery,
        response: { 200: ProductPage, 400: ref(ErrorBody), 401: ref(ErrorBody) },
      },
      config: { family: 'E', invalid },
      onRequest: readGuard,
      preValidation: decimalOnly('query', ['page', 'limit'], badPage),
    },
    async (request, reply) =>
      sendPage(reply, await listProducts(services.readStore, request.query.page ?? 1, request.query.limit ?? DEFAULT_PAGE_SIZE)),
  );

  app.get(
    '/products/:id',
    {
      schema: {
        operationId: 'getProduct',
        summary: 'Get one product (E; A\'s catalogue)',
        tags: BOTH,
        security: readSecurity,
        params: ProductParams,
        response: { 200: ETagged('The product'), 400: ref(ErrorBody), 401: ref(ErrorBody), 404: ref(ErrorBody) },
      },
      config: { family: 'E', invalid },
      onRequest: readGuard,
      preValidation: decimalOnly('params', ['id'], badId),
    },
    async (request, reply) => {
      const found = await findProduct(services.readStore, request.params.id);
      if (!found) throw new Problem(404, messages.notFound);
      return sendProduct(reply.header('etag', etag(found.revision)), found.product);
    },
  );

  app.post(
    '/products',
    {
      schema: {
        operationId: 'createProduct',
        summary: 'Create a product owned by the caller (E)',
        tags: [E],
        security,
        body: ProductBody,
        response: { 201: ETagged('The new product'), 400: ref(ErrorBody), 401: ref(ErrorBody), ...bodyErrors },
      },
      config: { family: 'E', invalid },
      onRequest: writeGuard,
    },
    async (request, reply) => {
      const { userId } = signedInCaller(request);
      const { name, description } = request.body;
      const created = await createProduct(services, { userId, name, description });
      return reply.code(201).header('etag', etag(created.revision)).send(created.product);
    },
  );

  app.put(
    '/products/:id',
    {
      schema: {
        operationId: 'updateProduct',
        summary: 'Replace name and description of one of the caller\'s products (E)',
        description:
          'Concurrent updates without If-Match: each is applied in turn to the latest state (the last one wins, ' +
          'both are in the log). With If-Match, a product changed since that ETag is 412.',
        tags: [E],
        security,
        params: ProductParams,
        headers: IfMatchHeaders,
        body: ProductBody,
        response: {
          200: ETagged('The updated product'),
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          403: ref(ErrorBody),
          404: ref(ErrorBody),
          412: ref(ErrorBody),
          ...bodyErrors,
          503: ref(ErrorBody),
        },
      },
      config: { family: 'E', invalid },
      onRequest: writeGuard,
      preValidation: decimalOnly('params', ['id'], badId),
    },
    async (request, reply) => {
      const { userId } = signedInCaller(request);
      const { name, description } = request.body;
      const ifMatch = precondition(request.headers['if-match']);
      const updated = await updateProduct(services, {
        productId: request.params.id,
        userId,
        name,
        description,
        ...(ifMatch ? { ifMatch } : {}),
      }).catch((error: unknown) => productProblem(error, messages.notOwnerUpdate));
      return reply.header('etag', etag(updated.revision)).send(updated.product);
    },
  );

  app.delete(
    '/products/:id',
    {
      schema: {
        operationId: 'deleteProduct',
        summary: 'Delete one of the caller\'s products (E)',
        tags: [E],
        security,
        params: ProductParams,
        headers: IfMatchHeaders,
        response: {
          200: Type.Object({ message: Type.String() }),
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          403: ref(ErrorBody),
          404: ref(ErrorBody),
          412: ref(ErrorBody),
          503: ref(ErrorBody),
        },
      },
      config: { family: 'E', invalid },
      onRequest: writeGuard,
      preValidation: decimalOnly('params', ['id'], badId),
    },
    async (request) => {
      const { userId } = signedInCaller(request);
      const ifMatch = precondition(request.headers['if-match']);
      await deleteProduct(services, {
        productId: request.params.id,
        userId,
        ...(ifMatch ? { ifMatch } : {}),
      }).catch((error: unknown) => productProblem(error, messages.notOwnerDelete));
      return { message: messages.deleted };
    },
  );
};
