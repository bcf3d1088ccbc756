// Edge cases the fake does not produce, with plain msw handlers.
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { createCalendlyClient } from "./client.ts";
import { failureOf } from "./test-utils.ts";

const BASE = "https://api.calendly.com";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const sleeps: number[] = [];
const client = (over: { baseUrl?: string; maxRetries?: number } = {}) =>
  createCalendlyClient({ token: "tok", sleep: async (ms) => void sleeps.push(ms), ...over });

const eventType = (i: number) => ({
  uri: `${BASE}/event_types/et${i}`,
  name: `Type ${i}`,
  active: true,
  slug: `t${i}`,
  scheduling_url: `https://calendly.com/x/t${i}`,
  duration: 30,
  kind: "solo",
});

it("defaults to https://api.calendly.com with Authorization: Bearer and Accept: application/json", async () => {
  let seen: Headers | undefined;
  server.use(
    http.get(`${BASE}/users/me`, ({ request }) => {
      seen = request.headers;
      return HttpResponse.json({
        resource: {
          uri: `${BASE}/users/u1`,
          name: "U",
          slug: "u",
          email: "u@x.test",
          scheduling_url: "https://calendly.com/u",
          timezone: "UTC",
          current_organization: `${BASE}/organizations/o1`,
        },
      });
    }),
  );
  await client().getCurrentUser();
  expect(seen?.get("authorization")).toBe("Bearer tok");
  expect(seen?.get("accept")).toBe("application/json");
});

it("follows next_page links when Calendly gives no next_page_token", async () => {
  server.use(
    http.get(`${BASE}/event_types`, ({ request }) => {
      const page = new URL(request.url).searchParams.get("page") ?? "1";
      return HttpResponse.json({
        collection: [eventType(Number(page))],
        pagination: {
          count: 1,
          next_page: page === "1" ? `${BASE}/event_types?user=u&page=2` : null,
          next_page_token: null,
        },
      });
    }),
  );
  const types = await client().listEventTypes({ user: "u" });
  expect(types.map((t) => t.name)).toEqual(["Type 1", "Type 2"]);
});

it("never follows a next_page link to another host", async () => {
  let evilCalled = false;
  server.use(
    http.get(`${BASE}/event_types`, () =>
      HttpResponse.json({
        collection: [eventType(1)],
        pagination: { next_page: "https://evil.example/event_types?page=2", next_page_token: null },
      }),
    ),
    http.get("https://evil.example/*", () => {
      evilCalled = true;
      return HttpResponse.json({});
    }),
  );
  const error = await failureOf(client().listEventTypes({ user: "u" }));
  expect(error.kind).toBe("invalid_response");
  expect(error.message).toMatch(/Refusing to follow a pagination link to https:\/\/evil\.example/);
  expect(evilCalled).toBe(false);
});

it("stops a pagination that loops back on itself", async () => {
  server.use(
    http.get(`${BASE}/event_types`, () =>
      HttpResponse.json({ collection: [eventType(1)], pagination: { next_page_token: "same" } }),
    ),
  );
  expect((await failureOf(client().listEventTypes({ user: "u" }))).message).toMatch(/loops back/);
});

it("a body that is not JSON is invalid_response", async () => {
  server.use(http.get(`${BASE}/users/me`, () => new HttpResponse("<html>hi</html>", { status: 200 })));
  const error = await failureOf(client().getCurrentUser());
  expect(error.kind).toBe("invalid_response");
});

it("a body that does not match the schema is invalid_response naming the field", async () => {
  server.use(http.get(`${BASE}/users/me`, () => HttpResponse.json({ resource: { uri: "u", name: "x" } })));
  const error = await failureOf(client().getCurrentUser());
  expect(error.kind).toBe("invalid_response");
  expect(error.message).toMatch(/unexpected answer to GET \/users\/me: resource\.\w+/);
});

it("a network error is retried, then reported as unavailable", async () => {
  sleeps.length = 0;
  server.use(http.get(`${BASE}/users/me`, () => HttpResponse.error()));
  const error = await failureOf(client({ maxRetries: 2 }).getCurrentUser());
  expect(error.kind).toBe("unavailable");
  expect(error.message).toMatch(/^Calendly unreachable/);
  expect(sleeps).toEqual([500, 1000]);
});

it("a base URL with a path prefix keeps the prefix", async () => {
  server.use(
    http.get("https://proxy.test/calendly/event_types/abc", () => HttpResponse.json({ resource: eventType(7) })),
  );
  const got = await client({ baseUrl: "https://proxy.test/calendly/" }).getEventType(`${BASE}/event_types/abc`);
  expect(got.name).toBe("Type 7");
});

it("an invalid base URL is a clear error", () => {
  expect(() => client({ baseUrl: "not a url" })).toThrow(/CALENDLY_API_BASE_URL is not a URL/);
});
