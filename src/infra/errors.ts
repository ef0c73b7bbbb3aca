// Errors that routes and command handlers throw. The HTTP error handler turns
// them into the envelope of the family the route belongs to.

/**
 * A rule of the domain said no (decided by a pure decider). `code` is a word
 * of the domain (each domain lists its own as a union); the route files map
 * them to their family's wire codes, one table each.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string = code,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An HTTP outcome a route chose: status, a message, and D's error code where the family has codes. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = codeForStatus(status),
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Problem';
  }
}

/** A command kept losing the optimistic-concurrency race; the client may retry. */
export class ConcurrencyError extends Error {
  constructor(readonly stream: string) {
    super(`too many concurrent changes to ${stream}`);
    this.name = 'ConcurrencyError';
  }
}

export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'INVALID_REQUEST';
    case 401:
      return 'INVALID_TOKEN';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_REQUEST';
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
