// Answers that repeat: a cached read hands out the same frozen object until
// its key changes (readstore/redis.ts), and the answer made from it is kept
// beside it (frozen too). Its JSON text is then the same every time too, so
// the route's serialiser runs once per object instead of once per request.
import type { FastifyReply } from 'fastify';

/**
 * A sender for one route's 200 answers: the route's own response schema
 * serialises a frozen value once, and the text is sent as it is from then on
 * (same bytes, same Content-Type). Values that are not frozen are serialised
 * every time, as Fastify would.
 */
export function jsonOncePerValue(): (reply: FastifyReply, value: object) => FastifyReply {
  const texts = new WeakMap<object, ReturnType<FastifyReply['serialize']>>();
  return (reply, value) => {
    let text = texts.get(value);
    if (text === undefined) {
      text = reply.serialize(value);
      if (Object.isFrozen(value)) texts.set(value, text);
    }
    return reply.type('application/json; charset=utf-8').send(text);
  };
}
