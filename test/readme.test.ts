// The README's tour is what a newcomer pastes into a terminal: run it as
// written against a fresh server (default rate limits, mail to the outbox)
// and check every answer it prints.
import t from 'tap';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './support/app.js';
import { startServer } from './support/server.js';

const run = promisify(execFile);

function tourScript(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## A tour'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no tour in the README');
  return block[1]!;
}

t.test("the README's tour works as written against a fresh server", async (t) => {
  const dataDir = tempDir(t);
  const server = await startServer(t, { DATA_DIR: dataDir, AUTH_RATE_LIMIT: '10' });
  const cwd = tempDir(t, 'tour');
  const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', tourScript()], {
    timeout: 20_000,
    cwd,
    env: { PATH: process.env.PATH ?? '', BASE: server.url, OUTBOX: join(dataDir, 'outbox') },
  });
  const answers = stdout
    .replace(/}\{/g, '}\n{')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const expected: unknown[] = [
    { id: 1, username: 'ada' },
    { products: [{ id: 1, name: 'Desk Lamp' }], pagination: { totalProducts: 1 } },
    { id: 1, name: 'Desk Lamp II', image: 'https://picsum.photos/200/200?random=Desk_Lamp_II' },
    { id: 1, status: 'placed', items: [{ productId: 1, name: 'Desk Lamp II', quantity: 2 }] },
    { orders: [{ id: 1 }] },
    { status: 'success', data: { username: 'grace', full_name: 'Grace Hopper' } },
    { status: 'success', message: 'Data stored successfully.' },
    { status: 'success', data: { key: 'theme', value: { dark: true } } },
    { message: 'Account created successfully', user_id: '3' },
    { message: 'Authentication successful', token: String },
    { message: 'password reset OTP sent to linus@example.com' },
    { message: /Password reset instructions sent to linus@example.com/ },
    { statusCode: 200, responseCode: 615, username: 'alan' },
    { statusCode: 200, responseCode: 605 },
    { statusCode: 200, responseCode: 609, username: 'alan', sessionId: String },
    { statusCode: 200, responseCode: 611 },
    { statusCode: 200, responseCode: 611 },
    { error: 'Invalid token.' },
  ];
  t.equal(answers.length, expected.length, 'one answer per printed request');
  expected.forEach((shape, i) => t.match(answers[i], shape, `answer ${i + 1}`));
  t.match(readFileSync(join(cwd, 'cookies.txt'), 'utf8'), /sessionId/, 'the session cookie was set');
});
