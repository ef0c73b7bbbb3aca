// Registers a user through the A/E routes and signs in: what a client of the
// protected routes needs first.
import type { FastifyInstance } from 'fastify';

export interface SignedInUser {
  id: number;
  username: string;
  token: string;
  /** Headers that carry the token. */
  auth: { authorization: string };
}

let counter = 0;

export async function signedInUser(app: FastifyInstance, username = `user_${process.pid}_${++counter}`): Promise<SignedInUser> {
  const password = 'password-123';
  const reg = await app.inject({ method: 'POST', url: '/register', payload: { username, password } });
  if (reg.statusCode !== 201) throw new Error(`register ${username}: ${reg.statusCode} ${reg.body}`);
  const login = await app.inject({ method: 'POST', url: '/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const token = login.json().access_token as string;
  return { id: reg.json().id as number, username, token, auth: { authorization: `Bearer ${token}` } };
}
