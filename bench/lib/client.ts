// What a REST client does before the load: sign up, sign in, create things.
// Every answer is checked; the benchmark stops on a wrong one.
import assert from 'node:assert/strict';

export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; expect?: number } = {},
): Promise<{ status: number; text: string; json: any }> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  if (options.expect !== undefined) assert.equal(res.status, options.expect, `${method} ${path}: ${text}`);
  return { status: res.status, text, json };
}

export interface User {
  id: number;
  username: string;
  password: string;
  token: string;
}

export async function signUp(base: string, username: string, password = 'bench-password-1'): Promise<User> {
  const reg = await call(base, 'POST', '/register', { body: { username, password }, expect: 201 });
  assert.equal(reg.json.username, username);
  const login = await call(base, 'POST', '/login', { body: { username, password }, expect: 200 });
  assert.equal(typeof login.json.access_token, 'string');
  return { id: reg.json.id, username, password, token: login.json.access_token };
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` at once. */
export async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
