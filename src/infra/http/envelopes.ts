// Each API family answers errors in its own envelope. Routes declare their
// family in `config.family`; requests that never reached a route (unknown
// paths) are assigned one by their path.
import type { Problem } from '../errors.js';
import type { Family } from '../../shared/family.js';

export type { Family };

export function familyOfPath(url: string): Family | null {
  const path = url.split('?')[0] ?? '';
  if (path === '/logout' || path.startsWith('/users/') || path === '/users') return 'B';
  if (path === '/auth' || path.startsWith('/auth/')) return 'C';
  if (path === '/api' || path.startsWith('/api/')) return 'D';
  return null; // outside every family, or A/E's shared root paths: {"error": "..."}
}

/** B answers documented outcomes with HTTP 200; what it does not document keeps the HTTP status. */
const B_RESPONSE_CODE: Record<number, number> = { 400: 600 };

export function renderProblem(family: Family | null, problem: Problem): { status: number; body: unknown } {
  switch (family) {
    case 'B':
      return {
        status: problem.status,
        body: {
          statusCode: problem.status,
          responseCode: B_RESPONSE_CODE[problem.status] ?? problem.status,
          error: problem.message,
        },
      };
    case 'D':
      return { status: problem.status, body: { status: 'error', code: problem.code, message: problem.message } };
    default:
      return { status: problem.status, body: { error: problem.message } };
  }
}
