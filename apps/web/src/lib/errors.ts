// Reading errors that come back from tRPC (error.data.code / error.data.fieldErrors, see the API
// contract) without importing server code into the browser bundle.

export type FieldErrors = Record<string, string[]>;

type ErrorLike = { message?: unknown; data?: { code?: unknown; fieldErrors?: unknown } | null };

function asErrorLike(error: unknown): ErrorLike | null {
  return typeof error === "object" && error !== null ? (error as ErrorLike) : null;
}

export function errorCode(error: unknown): string | undefined {
  const code = asErrorLike(error)?.data?.code;
  return typeof code === "string" ? code : undefined;
}

export function fieldErrorsOf(error: unknown): FieldErrors {
  const raw = asErrorLike(error)?.data?.fieldErrors;
  if (!raw || typeof raw !== "object") return {};
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      const messages = value.filter((m): m is string => typeof m === "string" && m.length > 0);
      if (messages.length > 0) out[key] = messages;
    }
  }
  return out;
}

const FALLBACKS: Record<string, string> = {
  UNAUTHORIZED: "Your session has expired. Sign in again.",
  FORBIDDEN: "You do not have permission to do this.",
  NOT_FOUND: "Not found.",
  TOO_MANY_REQUESTS: "Too many requests. Try again in a moment.",
  INTERNAL_SERVER_ERROR: "Something went wrong on our side. Try again.",
};

/** A human sentence for a notification or an Alert. */
export function errorMessage(error: unknown): string {
  if (typeof error === "string" && error.trim()) return error;
  const e = asErrorLike(error);
  const message = typeof e?.message === "string" ? e.message.trim() : "";
  const code = errorCode(error);
  if (message && !message.startsWith("[") && !message.startsWith("{")) return message;
  if (code && FALLBACKS[code]) return FALLBACKS[code];
  if (message === "Failed to fetch") return "The server cannot be reached. Check your connection.";
  return "Something went wrong. Try again.";
}
