// One HTTP exchange with Calendly: auth header, per-attempt timeout, bounded retries for 429 /
// 5xx / network errors, error mapping and zod parsing of the body.
import type { z } from "zod";
import { formatZodIssues } from "../zod-issues.ts";
import { CalendlyApiError, errorFromResponse, type RequestLabel } from "./errors.ts";

export type TransportOptions = {
  token: string;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
  /** One deadline for the whole call, retries and waits included (ms). */
  deadlineMs: number;
  now: () => number;
  maxRetries: number;
  /** Longest X-RateLimit-Reset we wait out in-process; beyond it the 429 is reported at once. */
  maxRateLimitWaitSeconds: number;
};

export type CalendlyRequest = {
  method: "GET" | "POST" | "DELETE";
  url: URL;
  /** Path without the base path, for messages. */
  path: string;
  body?: unknown;
};

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8_000;
const TOKEN = /^[\x21-\x7e]+$/;

function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/** X-RateLimit-Reset (seconds until reset), else Retry-After (seconds). */
function retryAfterSeconds(headers: Headers): number | undefined {
  for (const name of ["x-ratelimit-reset", "retry-after"]) {
    const value = headers.get(name);
    if (value !== null && /^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Math.ceil(Number(value)));
  }
  return undefined;
}

type Attempt =
  | { ok: true; response: Response; text: string }
  | { ok: false; error: CalendlyApiError; retryable: boolean; waitMs?: number };

async function attempt(
  opts: TransportOptions,
  req: CalendlyRequest,
  label: RequestLabel,
  timeoutMs: number,
): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const idempotent = req.method !== "POST";
  try {
    const response = await opts.fetch(req.url, {
      method: req.method,
      headers: {
        authorization: `Bearer ${opts.token}`,
        accept: "application/json",
        ...(req.body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      signal: controller.signal,
    });
    const text = await response.text();
    if (response.ok) return { ok: true, response, text };

    const retryAfter = retryAfterSeconds(response.headers);
    const error = errorFromResponse(label, response.status, text, retryAfter);
    if (response.status === 429) {
      if (retryAfter !== undefined && retryAfter > opts.maxRateLimitWaitSeconds)
        return { ok: false, error, retryable: false };
      return { ok: false, error, retryable: true, ...(retryAfter !== undefined ? { waitMs: retryAfter * 1000 } : {}) };
    }
    // A 5xx answer means Calendly did not finish the request: safe to retry even a POST (a
    // duplicate webhook create would come back as a 409 the caller already handles).
    return { ok: false, error, retryable: response.status >= 500 };
  } catch (cause) {
    if (controller.signal.aborted) {
      const error = new CalendlyApiError(
        "timeout",
        `Calendly did not answer ${label.method} ${label.path} within ${seconds(timeoutMs)}, try again later`,
        { cause },
      );
      return { ok: false, error, retryable: idempotent };
    }
    const error = new CalendlyApiError(
      "unavailable",
      `Calendly unreachable (${(cause as Error)?.message ?? String(cause)}), try again later`,
      { cause },
    );
    return { ok: false, error, retryable: idempotent };
  } finally {
    clearTimeout(timer);
  }
}

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/**
 * Sends the request and returns the raw successful response + body. Retries as configured, all
 * within one deadline: an attempt gets at most the time left, and a retry whose wait would end
 * after the deadline is not made. A call that ran out of time says how long it waited in all.
 */
export async function send(
  opts: TransportOptions,
  req: CalendlyRequest,
): Promise<{ response: Response; text: string }> {
  const label: RequestLabel = { method: req.method, path: req.path };
  if (!TOKEN.test(opts.token)) {
    throw new CalendlyApiError(
      "unauthorized",
      "The Calendly access token is empty or contains invalid characters: paste the personal access token again",
    );
  }
  const started = opts.now();
  const left = () => opts.deadlineMs - (opts.now() - started);
  const overall = (error: CalendlyApiError, attempts: number): CalendlyApiError => {
    if (error.kind !== "timeout" || attempts === 1) return error;
    const waited = seconds(opts.now() - started);
    return new CalendlyApiError(
      "timeout",
      `Calendly did not answer ${label.method} ${label.path} within ${waited} (${attempts} attempts), try again later`,
      { cause: error },
    );
  };
  for (let n = 0; ; n++) {
    const result = await attempt(opts, req, label, Math.max(1, Math.min(opts.timeoutMs, left())));
    if (result.ok) return result;
    if (!result.retryable || n >= opts.maxRetries) throw overall(result.error, n + 1);
    const wait = result.waitMs ?? backoffMs(n);
    if (wait >= left()) throw overall(result.error, n + 1);
    await opts.sleep(wait);
  }
}

/** Sends and parses a JSON body with `schema`; an unparsable answer is kind "invalid_response". */
export async function sendJson<T extends z.ZodType>(
  opts: TransportOptions,
  req: CalendlyRequest,
  schema: T,
): Promise<z.infer<T>> {
  const { text } = await send(opts, req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CalendlyApiError("invalid_response", `Calendly returned a non-JSON answer to ${req.method} ${req.path}`, {
      cause,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new CalendlyApiError(
      "invalid_response",
      `Calendly returned an unexpected answer to ${req.method} ${req.path}: ${formatZodIssues(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
