import { http } from "msw";
import type { FakeCalendly } from "./fake.ts";

/** msw handlers that route every request under `baseUrl` to the fake. */
export function calendlyHandlers(fake: FakeCalendly, baseUrl = "https://api.calendly.com") {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  return [http.all(`${base.origin}${basePath}/*`, ({ request }) => fake.handle(request, { basePath }))];
}
