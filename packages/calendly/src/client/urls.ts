// The one place that builds Calendly API URLs.
import { CalendlyApiError } from "./errors.ts";

export const DEFAULT_CALENDLY_BASE_URL = "https://api.calendly.com";

export type QueryValue = string | number | boolean | Date | undefined;

export function normalizeBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CalendlyApiError("invalid_request", `CALENDLY_API_BASE_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new CalendlyApiError("invalid_request", `CALENDLY_API_BASE_URL must be http(s): ${baseUrl}`);
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  url.search = "";
  url.hash = "";
  return url;
}

/** `${base}${path}?query`, skipping undefined query values; Dates are sent as ISO-8601 UTC. */
export function buildUrl(base: URL, path: string, query: Record<string, QueryValue> = {}): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, "")}${path}`;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    url.searchParams.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  return url;
}

/** The path of a `next_page` link, or an error if it leaves the configured API. */
export function sameApiUrl(base: URL, link: string): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new CalendlyApiError(
      "invalid_response",
      `Calendly returned an invalid next_page link: ${JSON.stringify(link)}`,
    );
  }
  const basePath = base.pathname.replace(/\/+$/, "");
  if (
    url.origin !== base.origin ||
    !(basePath === "" || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))
  ) {
    throw new CalendlyApiError(
      "invalid_response",
      `Refusing to follow a pagination link to ${url.origin}${url.pathname}: it is not under ${base.href}`,
    );
  }
  return url;
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The id of a Calendly resource URI (`https://api.calendly.com/event_types/<id>`) or a bare id.
 * The URI's host is ignored: requests always go to the configured base URL.
 */
export function resourceId(collection: string, uriOrId: string): string {
  const candidate = uriOrId.trim();
  if (ID.test(candidate)) return candidate;
  let url: URL | undefined;
  try {
    url = new URL(candidate);
  } catch {
    url = undefined;
  }
  const segments = url?.pathname.split("/").filter(Boolean) ?? [];
  const id = segments.at(-1);
  if (!url || segments.at(-2) !== collection || !id || !ID.test(id)) {
    throw new CalendlyApiError(
      "invalid_request",
      `Not a Calendly ${collection.replace(/_/g, " ")} URI: ${JSON.stringify(uriOrId)}`,
    );
  }
  return id;
}
