// Calendly-shaped HTTP answers for the fake: error bodies, rate-limit headers, pagination.

export type FakeFailure = { status: number; body?: unknown; headers?: Record<string, string> } | "timeout";

const CANONICAL: Record<number, { title: string; message: string }> = {
  400: { title: "Invalid Argument", message: "The supplied parameters are invalid." },
  401: { title: "Unauthenticated", message: "The access token is invalid" },
  403: { title: "Permission Denied", message: "You do not have permission to access this resource." },
  404: { title: "Resource Not Found", message: "The server could not find the requested resource." },
  409: { title: "Already Exists", message: "The resource already exists" },
  429: { title: "Too Many Requests", message: "You have exceeded the rate limit" },
  500: { title: "Internal Server Error", message: "The server encountered an unexpected condition" },
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { title: string; message: string; details?: { parameter?: string; message: string }[] },
  ) {
    super(body.message);
  }
}

export function fail(status: number, message?: string, details?: { parameter?: string; message: string }[]): HttpError {
  const canonical = CANONICAL[status] ?? { title: "Error", message: "Error" };
  return new HttpError(status, {
    title: canonical.title,
    message: message ?? canonical.message,
    ...(details ? { details } : {}),
  });
}

export function defaultFailureBody(status: number): unknown {
  return CANONICAL[status] ?? (status >= 500 ? CANONICAL[500] : { title: "Error", message: `HTTP ${status}` });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** Offset pagination with opaque tokens, links built on the origin the request came to. */
export function paginate<T>(items: T[], url: URL): { collection: T[]; pagination: Record<string, unknown> } {
  const rawCount = url.searchParams.get("count");
  const count = rawCount === null ? 20 : Number(rawCount);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw fail(400, undefined, [{ parameter: "count", message: "must be an integer between 1 and 100" }]);
  }
  const token = url.searchParams.get("page_token");
  let offset = 0;
  if (token !== null) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
    if (!decoded) throw fail(400, undefined, [{ parameter: "page_token", message: "is invalid" }]);
    offset = Number(decoded[1]);
  }
  const page = items.slice(offset, offset + count);
  const link = (at: number) => {
    const next = new URL(url.href);
    next.searchParams.set("page_token", Buffer.from(`o${at}`).toString("base64url"));
    next.searchParams.set("count", String(count));
    return { href: next.href, token: next.searchParams.get("page_token")! };
  };
  const next = offset + count < items.length ? link(offset + count) : null;
  const previous = offset > 0 ? link(Math.max(0, offset - count)) : null;
  return {
    collection: page,
    pagination: {
      count: page.length,
      next_page: next?.href ?? null,
      next_page_token: next?.token ?? null,
      previous_page: previous?.href ?? null,
      previous_page_token: previous?.token ?? null,
    },
  };
}
