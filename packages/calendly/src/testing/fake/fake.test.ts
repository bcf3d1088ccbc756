// Calendly behaviours of the fake that the client tests do not show, through fake.handle().
import { createFakeCalendly } from "./fake.ts";

const API = "https://api.calendly.com";
function req(
  fake: ReturnType<typeof createFakeCalendly>,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
) {
  return fake.handle(
    new Request(`${API}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

it("401 without a token, with Calendly's body and rate-limit headers", async () => {
  const fake = createFakeCalendly();
  const res = await req(fake, "GET", "/users/me", null);
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ title: "Unauthenticated", message: "The access token is invalid" });
  expect(res.headers.get("x-ratelimit-reset")).toBe("60");
});

it("a :write scope implies :read; a missing scope is a 403 with required_scopes in details", async () => {
  const fake = createFakeCalendly();
  const { organizationUri } = fake.addAccount({ token: "t", scopes: ["webhooks:write"] });
  expect(
    (
      await req(
        fake,
        "GET",
        `/webhook_subscriptions?organization=${encodeURIComponent(organizationUri)}&scope=organization`,
        "t",
      )
    ).status,
  ).toBe(200);
  const res = await req(fake, "GET", "/users/me", "t");
  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({
    title: "Permission Denied",
    message: "This operation requires the scopes listed in the 'required_scopes' array.",
    details: [{ parameter: "required_scopes", message: "users:read" }],
  });
});

it("paginates with count, next_page (on the request's origin) and next_page_token", async () => {
  const fake = createFakeCalendly();
  const { userUri } = fake.addAccount({ token: "t" });
  for (let i = 0; i < 5; i++) fake.addEventType(userUri, { name: `T${i}` });
  const first = (await (
    await req(fake, "GET", `/event_types?user=${encodeURIComponent(userUri)}&count=2`, "t")
  ).json()) as {
    collection: unknown[];
    pagination: { next_page: string; next_page_token: string; previous_page: string | null; count: number };
  };
  expect(first.collection).toHaveLength(2);
  expect(first.pagination.previous_page).toBeNull();
  expect(new URL(first.pagination.next_page).searchParams.get("page_token")).toBe(first.pagination.next_page_token);
  expect(first.pagination.next_page.startsWith(`${API}/event_types?`)).toBe(true);
  const bad = await req(fake, "GET", `/event_types?user=${encodeURIComponent(userUri)}&count=101`, "t");
  expect(bad.status).toBe(400);
});

it("requires organization and scope on the webhook list, and a user or organization on event types", async () => {
  const fake = createFakeCalendly();
  fake.addAccount({ token: "t" });
  expect((await req(fake, "GET", "/webhook_subscriptions?scope=organization", "t")).status).toBe(400);
  expect((await req(fake, "GET", "/event_types", "t")).status).toBe(400);
  expect((await req(fake, "GET", "/no_such_thing", "t")).status).toBe(404);
});

it("another organization's subscription is a 404; delete answers 204", async () => {
  const fake = createFakeCalendly();
  const a = fake.addAccount({ token: "a" });
  fake.addAccount({ token: "b" });
  const created = await req(fake, "POST", "/webhook_subscriptions", "a", {
    url: "https://hooks.test/x",
    events: ["invitee.created"],
    organization: a.organizationUri,
    scope: "organization",
  });
  expect(created.status).toBe(201);
  const { resource } = (await created.json()) as { resource: { uri: string } };
  const path = new URL(resource.uri).pathname;
  expect((await req(fake, "GET", path, "b")).status).toBe(404);
  expect((await req(fake, "DELETE", path, "b")).status).toBe(404);
  const deleted = await req(fake, "DELETE", path, "a");
  expect(deleted.status).toBe(204);
  expect(await deleted.text()).toBe("");
});

it("without scheduled_events:read, subscribing to invitee events is a 400 (as Calendly does)", async () => {
  const fake = createFakeCalendly();
  const a = fake.addAccount({ token: "a", scopes: ["webhooks:write"] });
  const res = await req(fake, "POST", "/webhook_subscriptions", "a", {
    url: "https://hooks.test/x",
    events: ["invitee.created"],
    organization: a.organizationUri,
    scope: "organization",
    signing_key: "k",
  });
  expect(res.status).toBe(400);
});

it("failNext answers the next requests with the injected status, then recovers", async () => {
  const fake = createFakeCalendly();
  fake.addAccount({ token: "t" });
  fake.failNext(2, { status: 503 });
  expect((await req(fake, "GET", "/users/me", "t")).status).toBe(503);
  expect((await req(fake, "GET", "/users/me", "t")).status).toBe(503);
  expect((await req(fake, "GET", "/users/me", "t")).status).toBe(200);
  expect(fake.requests).toHaveLength(3);
});
