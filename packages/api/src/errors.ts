// Domain errors: what services throw. One tRPC middleware (src/trpc.ts) and the HTTP adapters
// convert them; services never import @trpc/*.

export type DomainErrorCode =
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "INVALID_INPUT"
  | "PRECONDITION_FAILED"
  | "INVALID_CREDENTIALS"
  | "RATE_LIMITED"
  | "UPSTREAM_UNAVAILABLE";

export type DomainErrorOptions = {
  /** Messages per input field, shown by the UI next to the field. */
  fieldErrors?: Record<string, string[]>;
  /** For RATE_LIMITED: when the caller may retry. */
  retryAfterSeconds?: number;
  cause?: unknown;
};

export class DomainError extends Error {
  override name = "DomainError";
  readonly code: DomainErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;

  constructor(code: DomainErrorCode, message: string, opts: DomainErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    if (opts.fieldErrors) this.fieldErrors = opts.fieldErrors;
    if (opts.retryAfterSeconds !== undefined) this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
