import { http } from "msw";
import type { FakeCalendly } from "./fake.ts";

function route(fake: FakeCalendly, baseUrl: string) {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  return http.all(`${base.origin}${basePath}/*`, ({ request }) => fake.handle(request, { basePath }));
}

/**
 * msw handlers that route every request under `baseUrl` (the API) and, when given, under
 * `authBaseUrl` (the OAuth server, https://auth.calendly.com) to the fake.
 */
export function calendlyHandlers(fake: FakeCalendly, baseUrl = "https://api.calendly.com", authBaseUrl?: string) {
  return [route(fake, baseUrl), ...(authBaseUrl ? [route(fake, authBaseUrl)] : [])];
}
