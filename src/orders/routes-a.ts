// /orders: A documents only GET /orders (all orders, public); API-CONTRACT.md
// completes the lifecycle and makes every route the caller's own, with a token.
import type { FastifySchemaValidationError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, Problem } from '../infra/errors.js';
import { decimalOnly } from '../infra/http/params.js';
import { ErrorBody, ref } from '../infra/http/schemas.js';
import { refuseAE, signedIn, signedInCaller } from '../infra/http/signed-in.js';
import type { Services } from '../infra/services.js';
import { cancelOrder, placeOrder } from './commands.js';
import type { OrderRefusal } from './decider.js';
import { findOrder, ordersOf } from './queries.js';
import { Order, OrderBody, OrderList, OrderParams, messages } from './schemas.js';

const tags = ['A: Dium'];
const security = [{ bearerAuth: [] }];

/** The first thing wrong with an order body, in A's envelope. */
function invalid(errors: FastifySchemaValidationError[], part: string): Problem {
  if (part === 'params') return new Problem(400, messages.invalidId);
  for (const e of errors) {
    // Errors about one line's field: /items/<n>/<field>, or a line missing a field.
    const path = e.instancePath.split('/');
    const field = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : path[3];
    if (path[1] === 'items' && path.length >= 3) {
      if (field === 'quantity') return new Problem(400, messages.quantity);
      if (field === 'productId') return new Problem(400, messages.productId);
    }
  }
  return new Problem(400, messages.items);
}

const badId = () => new Problem(400, messages.invalidId);

/** The order's refusals in A's answers (OrderExists never reaches a route: ids are allocated). */
const REFUSALS: Record<Exclude<OrderRefusal, 'OrderExists'>, [status: number, message: string]> = {
  ProductNotFound: [404, messages.productNotFound],
  OrderNotFound: [404, messages.notFound],
  OrderAlreadyCancelled: [409, messages.alreadyCancelled],
  DuplicateProduct: [400, messages.duplicate],
  InvalidQuantity: [400, messages.quantity],
  InvalidItems: [400, messages.items],
};

function orderProblem(error: unknown): never {
  if (error instanceof DomainError && Object.hasOwn(REFUSALS, error.code)) {
    const [status, message] = REFUSALS[error.code as keyof typeof REFUSALS];
    throw new Problem(status, message);
  }
  throw error;
}

export const orderRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const guard = signedIn(app, refuseAE);

  app.post(
    '/orders',
    {
      schema: {
        operationId: 'placeOrder',
        summary: 'Place an order for the caller (A)',
        description: "Each product must exist now; the order keeps each product's name as it is now.",
        tags,
        security,
        body: OrderBody,
        response: {
          201: Order,
          400: ref(ErrorBody),
          401: ref(ErrorBody),
          404: ref(ErrorBody),
          413: ref(ErrorBody),
          415: ref(ErrorBody),
        },
      },
      config: { family: 'A', invalid },
      onRequest: guard,
    },
    async (request, reply) => {
      const { userId } = signedInCaller(request);
      const order = await placeOrder(services, { userId, items: request.body.items }).catch(orderProblem);
      return reply.code(201).send(order);
    },
  );

  app.get(
    '/orders',
    {
      schema: {
        operationId: 'listOrders',
        summary: "The caller's orders, newest first (A)",
        tags,
        security,
        response: { 200: OrderList, 401: ref(ErrorBody), 404: ref(ErrorBody) },
      },
      config: { family: 'A' },
      onRequest: guard,
    },
    async (request) => {
      const orders = await ordersOf(services.readStore, signedInCaller(request).userId);
      if (orders.length === 0) throw new Problem(404, messages.none);
      return { orders };
    },
  );

  app.get(
    '/orders/:id',
    {
      schema: {
        operationId: 'getOrder',
        summary: "One of the caller's orders (A); another user's order is 404",
        tags,
        security,
        params: OrderParams,
        response: { 200: Order, 400: ref(ErrorBody), 401: ref(ErrorBody), 404: ref(ErrorBody) },
      },
      config: { family: 'A', invalid },
      onRequest: guard,
      preValidation: decimalOnly('params', ['id'], badId),
    },
    async (request) => {
      const order = await findOrder(services.readStore, request.params.id, signedInCaller(request).userId);
      if (!order) throw new Problem(404, messages.notFound);
      return order;
    },
  );

  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        operationId: 'cancelOrder',
        summary: "Cancel one of the caller's placed orders (A)",
        tags,
        security,
        params: OrderParams,
        response: { 200: Order, 400: ref(ErrorBody), 401: ref(ErrorBody), 404: ref(ErrorBody), 409: ref(ErrorBody) },
      },
      config: { family: 'A', invalid },
      onRequest: guard,
      preValidation: decimalOnly('params', ['id'], badId),
    },
    async (request) => {
      const { userId } = signedInCaller(request);
      return cancelOrder(services, { orderId: request.params.id, userId }).catch(orderProblem);
    },
  );
};
