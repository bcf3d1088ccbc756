// The route as Next calls it: its exported POST with a Request, against a real PostgreSQL.

import { generateKey } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";

const ADMIN_API_TOKEN = "admin-token-0123456789abcdef";
let database: TestDatabase;
let POST: (req: Request) => Promise<Response>;

beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    ADMIN_API_TOKEN,
    CREDENTIALS_ENCRYPTION_KEY: generateKey(),
    BETTER_AUTH_SECRET: "route-test-secret-route-test-secret-0123",
  });
  ({ POST } = await import("./route.ts"));
});
afterAll(async () => {
  const deps = (globalThis as { __bookingWebDeps?: { db: { $disconnect(): Promise<void> } } }).__bookingWebDeps;
  await deps?.db.$disconnect();
  await database.drop();
});

const call = (body: unknown, token: string | null = ADMIN_API_TOKEN) =>
  POST(
    new Request("http://localhost/api/admin/workspaces", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("POST /api/admin/workspaces", () => {
  it("201: creates the workspace and invites setters, inbox managers (incl. the legacy field) and admins, with their links", async () => {
    const res = await call({
      name: "Acme Outreach",
      setterEmails: ["Sam@Acme.test", "sam@acme.test"],
      inboxManagerEmails: ["ira@acme.test"],
      inboxManagerEmail: "legacy@acme.test",
      adminEmails: ["ava@acme.test"],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      success: boolean;
      data: { id: string; name: string; members: { email: string; role: string; inviteUrl: string }[] };
    };
    expect(body.success).toBe(true);
    expect(body.data.name).toBe("Acme Outreach");
    expect(body.data.members.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: "ava@acme.test", role: "ADMIN" },
      { email: "sam@acme.test", role: "SETTER" },
      { email: "ira@acme.test", role: "INBOX_MANAGER" },
      { email: "legacy@acme.test", role: "INBOX_MANAGER" },
    ]);
    // Each member gets a single-use link (on the request's origin when BETTER_AUTH_URL is unset).
    for (const m of body.data.members) expect(m.inviteUrl).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(await database.db.invitation.count({ where: { clientId: body.data.id } })).toBe(4);
    expect(await database.db.clientMember.count({ where: { clientId: body.data.id } })).toBe(0);
  });

  it("409 for an existing name (case-insensitive)", async () => {
    const res = await call({ name: "ACME outreach" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      success: false,
      error: { message: expect.stringContaining("already exists") },
    });
  });

  it("400 for bad JSON and for invalid fields, with field errors", async () => {
    const bad = await call("{not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ success: false, error: { message: "Body must be JSON" } });

    const invalid = await call({ name: "", setterEmails: ["nope"], inboxManagerEmail: 42 });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { success: false; error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["inboxManagerEmail", "name", "setterEmails.0"]);
  });

  it("401 without, or with a wrong, bearer token", async () => {
    expect((await call({ name: "X" }, null)).status).toBe(401);
    expect((await call({ name: "X" }, "wrong-token-wrong-token")).status).toBe(401);
    expect(await database.db.client.count({ where: { name: "X" } })).toBe(0);
  });
});
