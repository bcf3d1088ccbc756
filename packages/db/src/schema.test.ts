import pg from "pg";
import { createTestDatabase, prismaCli, type TestDatabase } from "./testing/index.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe("migrations", () => {
  it("apply to an empty database, and a second run changes nothing", async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      const first = prismaCli(["migrate", "deploy"], empty.url);
      expect(first.status).toBe(0);
      const second = prismaCli(["migrate", "deploy"], empty.url);
      expect(second.status).toBe(0);
      expect(second.stdout + second.stderr).toMatch(/No pending migrations/);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const { rows } = await client.query(
        `select table_name from information_schema.tables where table_schema='public' order by 1`,
      );
      await client.end();
      expect(rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          "Client",
          "WorkspaceSettings",
          "ClientMember",
          "Lead",
          "WebhookEvent",
          "_prisma_migrations",
        ]),
      );
    } finally {
      await empty.drop();
    }
  });

  it("match schema.prisma (drift check)", () => {
    const res = prismaCli(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      t.url,
    );
    // exit 0: no difference; exit 2: schema.prisma changed without a migration (the SQL is printed).
    expect({ status: res.status, diff: res.stdout }).toEqual({
      status: 0,
      diff: expect.stringMatching(/No difference detected/),
    });
  });
});

describe("constraints", () => {
  it("rejects a second lead with the same Calendly invitee URI, across workspaces too", async () => {
    const a = await t.db.client.create({ data: { name: "A" } });
    const b = await t.db.client.create({ data: { name: "B" } });
    const uri = "https://api.calendly.com/scheduled_events/E1/invitees/I1";
    await t.db.lead.create({ data: { clientId: a.id, name: "One", email: "one@x.test", calendlyInviteeUri: uri } });
    await expect(
      t.db.lead.create({ data: { clientId: a.id, name: "Two", email: "two@x.test", calendlyInviteeUri: uri } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      t.db.lead.create({ data: { clientId: b.id, name: "Two", email: "two@x.test", calendlyInviteeUri: uri } }),
    ).rejects.toMatchObject({ code: "P2002" });
    // Many leads without an invitee are fine.
    await t.db.lead.createMany({
      data: [
        { clientId: a.id, name: "x", email: "x@x.test" },
        { clientId: a.id, name: "y", email: "y@x.test" },
      ],
    });
  });

  it("keeps ClientMember unique per (workspace, email, role) but allows several roles", async () => {
    const c = await t.db.client.create({ data: { name: "Members" } });
    await t.db.clientMember.create({ data: { clientId: c.id, email: "sam@x.test", role: "SETTER" } });
    await t.db.clientMember.create({ data: { clientId: c.id, email: "sam@x.test", role: "INBOX_MANAGER" } });
    await expect(
      t.db.clientMember.create({ data: { clientId: c.id, email: "sam@x.test", role: "SETTER" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    const other = await t.db.client.create({ data: { name: "Other" } });
    await t.db.clientMember.create({ data: { clientId: other.id, email: "sam@x.test", role: "SETTER" } });
  });

  it("keeps one lead per email in a workspace", async () => {
    const a = await t.db.client.create({ data: { name: "Emails A" } });
    const b = await t.db.client.create({ data: { name: "Emails B" } });
    await t.db.lead.create({ data: { clientId: a.id, name: "One", email: "same@x.test" } });
    await expect(
      t.db.lead.create({ data: { clientId: a.id, name: "Two", email: "same@x.test" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await t.db.lead.create({ data: { clientId: b.id, name: "Other workspace", email: "same@x.test" } });
  });

  it("stores one inbox row per (workspace, idempotency key)", async () => {
    const c = await t.db.client.create({ data: { name: "Inbox" } });
    const row = { clientId: c.id, eventName: "invitee.created", idempotencyKey: "invitee.created:U1", rawBody: "{}" };
    await t.db.webhookEvent.create({ data: row });
    await expect(t.db.webhookEvent.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
  });

  it("lets one workspace own a Calendly event type", async () => {
    const a = await t.db.client.create({ data: { name: "ET A" } });
    const b = await t.db.client.create({ data: { name: "ET B" } });
    const uri = "https://api.calendly.com/event_types/ET1";
    await t.db.workspaceSettings.create({ data: { clientId: a.id, calendlyEventTypeUri: uri } });
    await expect(
      t.db.workspaceSettings.create({ data: { clientId: b.id, calendlyEventTypeUri: uri } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("allows one live subscription per workspace", async () => {
    const a = await t.db.client.create({
      data: { name: "Sub A", calendlyWebhookSubscriptionUri: "https://api.calendly.com/webhook_subscriptions/S1" },
    });
    await expect(
      t.db.client.create({
        data: { name: "Sub B", calendlyWebhookSubscriptionUri: "https://api.calendly.com/webhook_subscriptions/S1" },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(a.calendlyWebhookState).toBe("missing");
  });
});
