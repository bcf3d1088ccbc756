// CalendlyApiError: every failure of a Calendly call, with a `kind` callers branch on and a
// `message` an admin can act on.
import { type CalendlyErrorBody, calendlyErrorBodySchema } from "./schemas.ts";

export type CalendlyApiErrorKind =
  | "unauthorized"
  | "forbidden_scope"
  | "forbidden_plan"
  | "forbidden_role"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_request"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "invalid_response";

export type CalendlyErrorDetail = { parameter?: string; message: string };

export class CalendlyApiError extends Error {
  readonly kind: CalendlyApiErrorKind;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly details?: CalendlyErrorDetail[];
  readonly calendlyTitle?: string;
  readonly calendlyMessage?: string;
  /** Scopes Calendly said were missing (kind "forbidden_scope"). */
  readonly requiredScopes?: string[];

  constructor(
    kind: CalendlyApiErrorKind,
    message: string,
    opts: {
      status?: number;
      retryAfterSeconds?: number;
      details?: CalendlyErrorDetail[];
      calendlyTitle?: string;
      calendlyMessage?: string;
      requiredScopes?: string[];
      cause?: unknown;
    } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "CalendlyApiError";
    this.kind = kind;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.retryAfterSeconds !== undefined) this.retryAfterSeconds = opts.retryAfterSeconds;
    if (opts.details !== undefined) this.details = opts.details;
    if (opts.calendlyTitle !== undefined) this.calendlyTitle = opts.calendlyTitle;
    if (opts.calendlyMessage !== undefined) this.calendlyMessage = opts.calendlyMessage;
    if (opts.requiredScopes !== undefined) this.requiredScopes = opts.requiredScopes;
  }
}

export function isCalendlyApiError(error: unknown): error is CalendlyApiError {
  return error instanceof CalendlyApiError;
}

/** What was being done, for messages: "GET /webhook_subscriptions". */
export type RequestLabel = { method: string; path: string };

function parseErrorBody(text: string): CalendlyErrorBody {
  try {
    const parsed = calendlyErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function normalizeDetails(body: CalendlyErrorBody): CalendlyErrorDetail[] | undefined {
  if (!body.details) return undefined;
  return body.details.map((d) => ({
    ...(d.parameter !== undefined ? { parameter: d.parameter } : {}),
    message:
      typeof d.message === "string"
        ? d.message
        : Array.isArray(d.message)
          ? d.message.join(" ")
          : JSON.stringify(d.message ?? ""),
  }));
}

/** Scopes named by a `required_scopes` error, wherever Calendly put them. */
function requiredScopesOf(body: CalendlyErrorBody, details: CalendlyErrorDetail[] | undefined): string[] | undefined {
  const scopes = new Set<string>(body.required_scopes ?? []);
  for (const detail of details ?? []) {
    if (detail.parameter === "required_scopes" || /^[a-z_]+:(read|write)\b/.test(detail.message)) {
      for (const scope of detail.message.match(/[a-z_]+:(?:read|write)/g) ?? []) scopes.add(scope);
    }
  }
  for (const scope of body.message?.match(/\b[a-z_]+:(?:read|write)\b/g) ?? []) scopes.add(scope);
  const mentionsScopes =
    /scope/i.test(body.message ?? "") || (details ?? []).some((d) => /scope/i.test(`${d.parameter} ${d.message}`));
  return scopes.size > 0 || mentionsScopes ? [...scopes] : undefined;
}

const isWebhookPath = (label: RequestLabel) => label.path.startsWith("/webhook_subscriptions");

function forbidden(label: RequestLabel, body: CalendlyErrorBody, details: CalendlyErrorDetail[] | undefined) {
  const said = body.message ?? "";
  const scopes = requiredScopesOf(body, details);
  if (scopes) {
    return {
      kind: "forbidden_scope" as const,
      requiredScopes: scopes,
      message:
        scopes.length > 0
          ? `The token lacks the scopes: ${scopes.join(", ")}. Create a personal access token that includes them`
          : `The token lacks a scope this needs (${label.method} ${label.path}). Create a personal access token with the needed scopes`,
    };
  }
  if (/upgrade|paid|plan|professional|standard|premium/i.test(said)) {
    return {
      kind: "forbidden_plan" as const,
      message: isWebhookPath(label)
        ? `Webhook subscriptions need a paid Calendly plan: upgrade the Calendly account (Calendly: "${said}")`
        : `This needs a paid Calendly plan: upgrade the Calendly account (Calendly: "${said}")`,
    };
  }
  if (/permission|admin|owner|not in your organization|role/i.test(said)) {
    return {
      kind: "forbidden_role" as const,
      message: isWebhookPath(label)
        ? `The token's Calendly user lacks permission: organization webhook subscriptions need a token of an organization Owner or Admin (Calendly: "${said}")`
        : `The token's Calendly user lacks permission for ${label.method} ${label.path}: use a token of an organization Owner or Admin (Calendly: "${said}")`,
    };
  }
  return {
    kind: "forbidden" as const,
    message: `Calendly refused ${label.method} ${label.path}${said ? ` (Calendly: "${said}")` : ""}`,
  };
}

/** Maps a non-2xx Calendly response (body already read) to a CalendlyApiError. */
export function errorFromResponse(
  label: RequestLabel,
  status: number,
  bodyText: string,
  retryAfterSeconds?: number,
): CalendlyApiError {
  const body = parseErrorBody(bodyText);
  const details = normalizeDetails(body);
  const common = {
    status,
    ...(details ? { details } : {}),
    ...(body.title !== undefined ? { calendlyTitle: body.title } : {}),
    ...(body.message !== undefined ? { calendlyMessage: body.message } : {}),
  };
  const detailText = details?.length
    ? `: ${details.map((d) => (d.parameter ? `${d.parameter}: ${d.message}` : d.message)).join("; ")}`
    : "";

  if (status === 401) {
    return new CalendlyApiError(
      "unauthorized",
      "Calendly rejected the access token (revoked or expired): create a new personal access token",
      common,
    );
  }
  if (status === 403) {
    const f = forbidden(label, body, details);
    return new CalendlyApiError(f.kind, f.message, {
      ...common,
      ...("requiredScopes" in f ? { requiredScopes: f.requiredScopes } : {}),
    });
  }
  if (status === 404) {
    return new CalendlyApiError(
      "not_found",
      `Calendly could not find ${label.path} (it was deleted or belongs to another account)`,
      common,
    );
  }
  if (status === 409) {
    return new CalendlyApiError(
      "conflict",
      isWebhookPath(label)
        ? `A Calendly webhook subscription with this URL already exists${body.message ? ` (Calendly: "${body.message}")` : ""}`
        : `Calendly says this already exists${body.message ? ` (Calendly: "${body.message}")` : ""}`,
      common,
    );
  }
  if (status === 429) {
    return new CalendlyApiError(
      "rate_limited",
      retryAfterSeconds !== undefined
        ? `Calendly rate limited, retry after ${retryAfterSeconds} s`
        : "Calendly rate limited, retry in a minute",
      { ...common, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
    );
  }
  if (status >= 500) {
    return new CalendlyApiError("unavailable", `Calendly unavailable (HTTP ${status}), try again later`, common);
  }
  return new CalendlyApiError(
    "invalid_request",
    `Calendly rejected ${label.method} ${label.path} (HTTP ${status}${body.message ? `: ${body.message}` : ""})${detailText}`,
    common,
  );
}
