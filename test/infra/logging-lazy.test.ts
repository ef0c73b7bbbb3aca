// The per-request logger (lazyChildLogger): a line at an enabled level goes
// through a real child carrying the request's bindings; a line at a disabled
// level is nothing, and makes no child.
import t from 'tap';
import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { LogCapture } from '../support/app.js';
import { lazyChildLogger } from '../../src/infra/logging.js';

t.test('lines carry the bindings; disabled levels make no child', async (t) => {
  const capture = new LogCapture();
  const parent = pino({ level: 'warn' }, capture);
  let children = 0;
  const child = parent.child;
  parent.child = function (this: typeof parent, ...args: Parameters<typeof parent.child>) {
    if (this === parent) children += 1;
    return child.apply(this, args);
  } as typeof parent.child;
  const make = (id: string) => lazyChildLogger.call(null as never, parent as unknown as FastifyBaseLogger, { reqId: id }, {}, undefined as never) as FastifyBaseLogger;

  const quiet = make('r1');
  for (const m of ['info', 'error', 'debug', 'fatal', 'warn', 'trace', 'child'] as const) t.type(quiet[m], 'function', `${m} is there (Fastify checks)`);
  quiet.info('not written');
  quiet.debug({ a: 1 }, 'not written either');
  t.equal(children, 0, 'no child for lines below the level');
  t.equal(capture.lines.length, 0);

  const loud = make('r2');
  loud.warn({ extra: 1 }, 'written');
  loud.error('also written');
  t.equal(children, 1, 'one child, made on the first line written');
  const lines = capture.lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string; extra?: number });
  t.same(lines.map((l) => [l.reqId, l.msg]), [['r2', 'written'], ['r2', 'also written']]);
  t.equal(lines[0]!.extra, 1);
  t.equal(loud.level, 'warn', "the level is the parent's");
  loud.child({ more: true }).warn('grandchild');
  t.match(JSON.parse(capture.lines.at(-1)!), { reqId: 'r2', more: true, msg: 'grandchild' });
});
