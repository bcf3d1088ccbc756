import { isCalendlyApiError } from "@booking/calendly";
import { DomainError } from "../../errors.ts";

/**
 * The one place Calendly client failures become domain errors. `tokenField` attaches the message
 * to the token field when the failure is about the token (UI shows it next to the field).
 */
export function calendlyToDomainError(error: unknown, opts: { tokenField?: boolean } = {}): unknown {
  if (!isCalendlyApiError(error)) return error;
  const onToken = (message: string) => (opts.tokenField ? { fieldErrors: { token: [message] } } : {});
  switch (error.kind) {
    case "unauthorized": {
      const message = `invalid token: ${error.message}`;
      return new DomainError("INVALID_CREDENTIALS", message, { ...onToken(message), cause: error });
    }
    case "rate_limited": {
      const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 60));
      return new DomainError("RATE_LIMITED", `Calendly rate limited, retry after ${seconds} s`, {
        retryAfterSeconds: seconds,
        cause: error,
      });
    }
    case "unavailable":
    case "timeout":
    case "invalid_response":
      return new DomainError("UPSTREAM_UNAVAILABLE", `Calendly unavailable: ${error.message}`, { cause: error });
    case "forbidden_scope":
    case "forbidden_plan":
    case "forbidden_role":
    case "forbidden":
      return new DomainError("PRECONDITION_FAILED", error.message, { ...onToken(error.message), cause: error });
    case "not_found":
      return new DomainError("NOT_FOUND", error.message, { cause: error });
    case "conflict":
      return new DomainError("CONFLICT", error.message, { cause: error });
    case "invalid_request":
      return new DomainError("PRECONDITION_FAILED", `Calendly rejected the request: ${error.message}`, {
        cause: error,
      });
    default:
      return new DomainError("UPSTREAM_UNAVAILABLE", `Calendly error: ${error.message}`, { cause: error });
  }
}

/** Runs a Calendly call and rethrows its failure as a domain error. */
export async function callCalendly<T>(fn: () => Promise<T>, opts: { tokenField?: boolean } = {}): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw calendlyToDomainError(error, opts);
  }
}

export function isCalendlyNotFound(error: unknown): boolean {
  return isCalendlyApiError(error) && error.kind === "not_found";
}

export function isCalendlyConflict(error: unknown): boolean {
  return isCalendlyApiError(error) && error.kind === "conflict";
}
