import { createHarness, expectTRPCError, type Harness, seedWorkspace } from "../../testing/harness.ts";
import { fieldErrorsOf } from "../../trpc.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function workspace(settings: Record<string, unknown> = {}) {
  const tag = Math.random().toString(36).slice(2, 8);
  const admin = `admin-${tag}@l.test`;
  const setter = `setter-${tag}@l.test`;
  const id = await seedWorkspace(h.db, {
    members: [
      [admin, "ADMIN"],
      [setter, "SETTER"],
    ],
    settings,
  });
  return { id, admin: h.user(admin), setter: h.user(setter) };
}

describe("leads.create / get", () => {
  it("creates a lead with a normalized email; a setter may create", async () => {
    const ws = await workspace();
    const lead = await ws.setter.leads.create({
      workspaceId: ws.id,
      name: " Maria Lopez ",
      email: " Maria.Lopez@Example.COM ",
      phone: "+1 555 0100",
    });
    expect(lead).toMatchObject({
      name: "Maria Lopez",
      email: "maria.lopez@example.com",
      phone: "+1 555 0100",
      source: "MANUAL",
      appointmentStatus: "NONE",
    });
    await expect(ws.admin.leads.get({ leadId: lead.id })).resolves.toMatchObject({
      id: lead.id,
      email: "maria.lopez@example.com",
    });
  });

  it("answers CONFLICT for a second lead with the same email in the workspace", async () => {
    const ws = await workspace();
    await ws.admin.leads.create({ workspaceId: ws.id, name: "A", email: "dup@example.com" });
    const err = await expectTRPCError(
      ws.admin.leads.create({ workspaceId: ws.id, name: "B", email: "DUP@example.com" }),
      "CONFLICT",
    );
    expect(fieldErrorsOf(err.cause)).toHaveProperty("email");
    const other = await workspace();
    await expect(
      other.admin.leads.create({ workspaceId: other.id, name: "C", email: "dup@example.com" }),
    ).resolves.toBeTruthy();
  });

  it("lets only one of several concurrent creates with the same email through", async () => {
    const ws = await workspace();
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        ws.admin.leads.create({ workspaceId: ws.id, name: `Racer ${i}`, email: "race@example.com" }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const a of attempts) if (a.status === "rejected") expect(a.reason).toMatchObject({ code: "CONFLICT" });
  });

  it("validates input with field errors", async () => {
    const ws = await workspace();
    const err = await expectTRPCError(
      ws.admin.leads.create({ workspaceId: ws.id, name: "", email: "nope" }),
      "BAD_REQUEST",
    );
    expect(Object.keys(fieldErrorsOf(err.cause)!).sort()).toEqual(["email", "name"]);
  });
});

describe("leads.list", () => {
  it("pages newest first and filters by appointment status", async () => {
    const ws = await workspace();
    const base = Date.parse("2026-01-01T00:00:00Z");
    await h.db.lead.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        clientId: ws.id,
        name: `Lead ${i}`,
        email: `lead${i}@example.com`,
        appointmentStatus: i % 5 === 0 ? ("BOOKED" as const) : ("NONE" as const),
        createdAt: new Date(base + i * 1000),
      })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = await ws.setter.leads.list({
        workspaceId: ws.id,
        limit: 10,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((l) => l.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `Lead ${24 - i}`));

    const booked = await ws.setter.leads.list({ workspaceId: ws.id, status: "BOOKED" });
    expect(booked.items.map((l) => l.name)).toEqual(["Lead 20", "Lead 15", "Lead 10", "Lead 5", "Lead 0"]);
    expect(booked.nextCursor).toBeNull();
  });

  it("rejects a cursor from another workspace and bad limits", async () => {
    const ws = await workspace();
    const other = await workspace();
    const foreign = await other.admin.leads.create({ workspaceId: other.id, name: "X", email: "x@example.com" });
    await expectTRPCError(ws.admin.leads.list({ workspaceId: ws.id, cursor: foreign.id }), "BAD_REQUEST");
    await expectTRPCError(ws.admin.leads.list({ workspaceId: ws.id, limit: 0 }), "BAD_REQUEST");
    await expectTRPCError(ws.admin.leads.list({ workspaceId: ws.id, status: "NOPE" as never }), "BAD_REQUEST");
  });
});

describe("leads.bookingLink", () => {
  it("Calendly: the event type link with name and email prefilled and the lead id in utm_content", async () => {
    const ws = await workspace({
      meetingBookingProvider: "CALENDLY",
      calendlyEventTypeLink: "https://calendly.com/acme/intro-call?month=2026-01",
    });
    await h.db.client.update({
      where: { id: ws.id },
      data: { calendlyEnabled: true, calendlyAccessTokenEnc: h.secrets.encrypt("t", "c") },
    });
    const lead = await ws.setter.leads.create({
      workspaceId: ws.id,
      name: "José Núñez & Co",
      email: "jose+x@example.com",
    });

    const link = await ws.setter.leads.bookingLink({ leadId: lead.id });

    expect(link.provider).toBe("CALENDLY");
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe("https://calendly.com/acme/intro-call");
    expect(url.searchParams.get("month")).toBe("2026-01");
    expect(url.searchParams.get("name")).toBe("José Núñez & Co");
    expect(url.searchParams.get("email")).toBe("jose+x@example.com");
    expect(url.searchParams.get("utm_content")).toBe(lead.id);
    expect(url.searchParams.get("utm_source")).toBe("crm");
  });

  it("Calendly not enabled or without a link: PRECONDITION_FAILED", async () => {
    const ws = await workspace({
      meetingBookingProvider: "CALENDLY",
      calendlyEventTypeLink: "https://calendly.com/acme/intro-call",
    });
    const lead = await ws.admin.leads.create({ workspaceId: ws.id, name: "A", email: "a@example.com" });
    await expectTRPCError(ws.admin.leads.bookingLink({ leadId: lead.id }), "PRECONDITION_FAILED");
    await h.db.client.update({
      where: { id: ws.id },
      data: { calendlyEnabled: true, calendlyAccessTokenEnc: h.secrets.encrypt("t", "c") },
    });
    await h.db.workspaceSettings.update({ where: { clientId: ws.id }, data: { calendlyEventTypeLink: null } });
    await expectTRPCError(ws.admin.leads.bookingLink({ leadId: lead.id }), "PRECONDITION_FAILED");
  });

  it("GHL: its booking link with prefill, PRECONDITION_FAILED when unset", async () => {
    const ws = await workspace({ ghlBookingLink: "https://api.leadconnectorhq.com/widget/booking/abc" });
    const lead = await ws.admin.leads.create({
      workspaceId: ws.id,
      name: "Ada King Lovelace",
      email: "ada@example.com",
    });
    const link = await ws.admin.leads.bookingLink({ leadId: lead.id });
    expect(link.provider).toBe("GHL");
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe("https://api.leadconnectorhq.com/widget/booking/abc");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      first_name: "Ada",
      last_name: "King Lovelace",
      email: "ada@example.com",
    });

    const bare = await workspace();
    const lead2 = await bare.admin.leads.create({ workspaceId: bare.id, name: "B", email: "b@example.com" });
    await expectTRPCError(bare.admin.leads.bookingLink({ leadId: lead2.id }), "PRECONDITION_FAILED");
  });
});

describe("tenancy", () => {
  it("a member of A cannot list, read, create in or get links for B's leads", async () => {
    const a = await workspace();
    const b = await workspace({ ghlBookingLink: "https://book.ghl.test/b" });
    const lead = await b.admin.leads.create({ workspaceId: b.id, name: "Secret", email: "secret@example.com" });
    await expectTRPCError(a.admin.leads.list({ workspaceId: b.id }), "NOT_FOUND");
    await expectTRPCError(a.admin.leads.get({ leadId: lead.id }), "NOT_FOUND");
    await expectTRPCError(a.admin.leads.bookingLink({ leadId: lead.id }), "NOT_FOUND");
    await expectTRPCError(a.admin.leads.create({ workspaceId: b.id, name: "X", email: "x@example.com" }), "NOT_FOUND");
    await expectTRPCError(a.admin.leads.get({ leadId: "missing" }), "NOT_FOUND");
    expect(await h.db.lead.count({ where: { clientId: b.id } })).toBe(1);
  });

  it("anonymous callers get UNAUTHORIZED", async () => {
    const a = await workspace();
    await expectTRPCError(h.callerFor(null).leads.list({ workspaceId: a.id }), "UNAUTHORIZED");
  });
});
