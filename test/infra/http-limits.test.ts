// Slow and idle clients cannot hold connections: a request that has not
// arrived whole within REQUEST_TIMEOUT_MS is answered 408 and closed, an idle
// keep-alive connection is closed after KEEP_ALIVE_TIMEOUT_MS, and connections
// beyond MAX_CONNECTIONS are closed as they arrive. Real sockets, short bounds.
import t, { type Test } from 'tap';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, tempDir } from '../support/app.js';
import { loadConfig } from '../../src/config.js';

const BOUNDS = { REQUEST_TIMEOUT_MS: '1000', KEEP_ALIVE_TIMEOUT_MS: '400', MAX_CONNECTIONS: '3' };

async function listening(t: Test, env: Record<string, string> = BOUNDS) {
  const built = await build(t, { env });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as { port: number };
  return { ...built, port };
}

/** A raw connection that records what it received and when it was closed. */
function open(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = connect(port, '127.0.0.1');
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', () => {}); // a reset is one way of being closed
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

t.test('the defaults are tens of seconds, and the bounds are configurable', async (t) => {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tempDir(t) });
  t.equal(config.requestTimeoutMs, 30_000);
  t.equal(config.keepAliveTimeoutMs, 10_000);
  t.equal(config.maxConnections, 1024);
  t.throws(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: tempDir(t), MAX_CONNECTIONS: '0' }), /MAX_CONNECTIONS/);
  const { app } = await build(t);
  t.equal(app.server.requestTimeout, 30_000, 'Node enforces the request bound');
  t.equal(app.server.headersTimeout, 30_000, 'and the headers bound');
  t.equal(app.server.keepAliveTimeout, 10_000);
  t.equal(app.server.maxConnections, 1024);
});

t.test('a body that trickles in a byte at a time is cut off with 408 before it is whole', async (t) => {
  const { port } = await listening(t);
  const { socket, received, closed } = await open(port);
  const body = JSON.stringify({ username: 'slow_loris', password: 'password-123' });
  socket.write(`POST /register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
  let sent = 0;
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  // One byte every 250 ms: the whole body would take about 10 s, ten times the bound.
  while (!isClosed && sent < body.length) {
    socket.write(body[sent]!);
    sent += 1;
    await sleep(250);
  }
  await closed;
  t.ok(sent < body.length, `closed after ${sent} of ${body.length} body bytes`);
  t.match(received(), /^HTTP\/1\.1 408 Request Timeout\r\n/);
  t.match(received(), /\{"error":"Request timed out"\}$/);
});

t.test('headers that never finish are cut off too', async (t) => {
  const { port } = await listening(t);
  const { socket, received, closed } = await open(port);
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  socket.write('GET /health HTTP/1.1\r\n');
  for (let i = 0; !isClosed && i < 40; i += 1) {
    socket.write(`X-Slow-${i}: a\r\n`);
    await sleep(250);
  }
  await closed;
  t.ok(isClosed, 'closed while headers were still coming');
  t.match(received(), /^HTTP\/1\.1 408 /);
});

t.test('an idle keep-alive connection is closed; a busy one is kept', async (t) => {
  const { port } = await listening(t);
  const { socket, received, closed } = await open(port);
  let closedAt = 0;
  void closed.then(() => (closedAt = Date.now()));
  socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
  await sleep(100);
  socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
  await sleep(100);
  t.equal(received().match(/HTTP\/1\.1 200 OK/g)?.length, 2, 'two requests answered on one connection');
  t.match(received(), /Keep-Alive: timeout=0?\.?\d*/i, 'the server announces its keep-alive bound');
  t.equal(closedAt, 0, 'open while in use');
  const idleSince = Date.now();
  await closed;
  t.ok(closedAt - idleSince < 10_000, 'closed by the server once idle');
});

t.test('connections over the cap are closed on arrival; a freed place is taken again', async (t) => {
  const { app, port } = await listening(t, { ...BOUNDS, REQUEST_TIMEOUT_MS: '20000' });
  const held = [await open(port), await open(port), await open(port)];
  // Wait until the server has accepted all three.
  for (let i = 0; i < 100; i += 1) {
    const count = await new Promise<number>((r) => app.server.getConnections((_e, n) => r(n)));
    if (count === 3) break;
    await sleep(20);
  }
  const over = await open(port);
  over.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
  await over.closed;
  t.equal(over.received(), '', 'the fourth connection is closed without an answer');

  const metrics = await app.inject({ method: 'GET', url: '/metrics' });
  t.match(metrics.body, /chronicle_http_connections_dropped_total 1\b/, 'the drop is counted');

  held[0]!.socket.destroy();
  await held[0]!.closed;
  await sleep(50);
  const again = await open(port);
  again.socket.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  await again.closed;
  t.match(again.received(), /^HTTP\/1\.1 200 OK/, 'a connection is accepted once one closed');
  for (const c of held.slice(1)) c.socket.destroy();
});
