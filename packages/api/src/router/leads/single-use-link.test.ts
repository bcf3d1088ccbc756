import { createCalendlyClientFactory } from "@booking/calendly";
import { ALL_SCOPES } from "@booking/calendly/testing";
import { bookingLinkForLead } from "../../services/leads/index.ts";
import {
  CALENDLY_BASE_URL,
  createHarness,
  expectTRPCError,
  type Harness,
  PUBLIC_WEBHOOK_BASE_URL,
} from "../../testing/harness.ts";
import { calendlyWorkspace, lead, workspace } from "./test-fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const linkRequests = () => h.fake.requests.filter((r) => r.method === "POST" && r.path === "/scheduling_links");
const linkState = (leadId: string) =>
  h.db.lead.findUniqueOrThrow({
    where: { id: leadId },
    select: { singleUseLinkUrl: true, singleUseLinkEventTypeUri: true, singleUseLinkCreatedAt: true },
  });

describe("leads.bookingLink({ singleUse: true })", () => {
  it("creates a single-use link for the event type once, with the lead prefilled, and reuses it", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await lead(h, ws.id, { name: "José Núñez", email: "jose+x@example.com" });
    const before = linkRequests().length;

    const first = await ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true });

    expect(first).toMatchObject({ provider: "CALENDLY", singleUse: true });
    const url = new URL(first.url);
    expect(url.origin).toBe("https://calendly.com");
    expect(url.pathname).toMatch(/^\/d\/[^/]+\/intro-/);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      name: "José Núñez",
      email: "jose+x@example.com",
      utm_source: "crm",
      utm_content: l.id,
    });
    expect(first.message).toContain(first.url);
    expect(first.message).toMatch(/^Hi José,/);
    const sent = linkRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({ max_event_count: 1, owner: ws.eventType.uri, owner_type: "EventType" });
    expect(await linkState(l.id)).toMatchObject({
      singleUseLinkUrl: first.url,
      singleUseLinkEventTypeUri: ws.eventType.uri,
      singleUseLinkCreatedAt: expect.any(Date),
    });

    const again = await ws.admin.leads.bookingLink({ leadId: l.id, singleUse: true });
    expect(again.url).toBe(first.url);
    expect(linkRequests().length - before).toBe(1);
    await expect(ws.setter.leads.get({ leadId: l.id })).resolves.toMatchObject({
      singleUseLink: { url: first.url, reusable: true },
    });

    // Without singleUse: the shared event type link, as before.
    const shared = await ws.setter.leads.bookingLink({ leadId: l.id });
    expect(shared).toMatchObject({ singleUse: false });
    expect(shared.url.startsWith(ws.eventType.scheduling_url)).toBe(true);
  });

  it("creates one link when several requests for a lead race", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await lead(h, ws.id);
    const before = linkRequests().length;
    const results = await Promise.all([
      ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true }),
      ws.admin.leads.bookingLink({ leadId: l.id, singleUse: true }),
      ...Array.from({ length: 4 }, () => bookingLinkForLead(directDeps(), l.id, { singleUse: true })),
    ]);
    expect(new Set(results.map((r) => r.url)).size).toBe(1);
    expect(linkRequests().length - before).toBe(1);
    expect((await linkState(l.id)).singleUseLinkUrl).toBe(results[0]!.url);
  });

  it("makes a new link once the lead booked after the link was made, or the event type changed", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await lead(h, ws.id);
    const first = await ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true });
    // The link was made ten minutes ago.
    const madeAt = Date.now() - 10 * 60_000;
    await h.db.lead.update({ where: { id: l.id }, data: { singleUseLinkCreatedAt: new Date(madeAt) } });

    // Booked before the link was made (an earlier meeting): the link is still good.
    await h.db.lead.update({
      where: { id: l.id },
      data: { appointmentStatus: "CANCELED", appointmentBookedAt: new Date(madeAt - 60_000) },
    });
    expect((await ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true })).url).toBe(first.url);

    // The lead booked with it five minutes ago: used up.
    await h.db.lead.update({
      where: { id: l.id },
      data: { appointmentStatus: "BOOKED", appointmentBookedAt: new Date(madeAt + 5 * 60_000) },
    });
    await expect(ws.setter.leads.get({ leadId: l.id })).resolves.toMatchObject({ singleUseLink: { reusable: false } });
    const second = await ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true });
    expect(second.url).not.toBe(first.url);
    expect((await ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true })).url).toBe(second.url);

    // The workspace now books another event type.
    const other = h.fake.addEventType(ws.account.userUri, { name: "Strategy", slug: `strategy-${l.id}` });
    await h.db.workspaceSettings.update({
      where: { clientId: ws.id },
      data: { calendlyEventTypeUri: other.uri, calendlyEventTypeLink: other.scheduling_url },
    });
    const third = await ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true });
    expect(new URL(third.url).pathname).toMatch(/\/strategy-/);
    expect(await linkState(l.id)).toMatchObject({ singleUseLinkUrl: third.url, singleUseLinkEventTypeUri: other.uri });
  });

  it("takes over a creation that was abandoned (its claim outlived the lease)", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await lead(h, ws.id, {
      singleUseLinkUrl: null,
      singleUseLinkEventTypeUri: "https://api.calendly.com/event_types/old",
      singleUseLinkCreatedAt: new Date(Date.now() - 60_000),
    });
    const link = await ws.setter.leads.bookingLink({ leadId: l.id, singleUse: true });
    expect((await linkState(l.id)).singleUseLinkUrl).toBe(link.url);
  });

  it("Calendly refusals reach the caller as clear errors and leave the lead as it was", async () => {
    // 403: the token lacks scheduling_links:write.
    const noScope = await calendlyWorkspace(h, { scopes: ALL_SCOPES.filter((s) => s !== "scheduling_links:write") });
    const a = await lead(h, noScope.id);
    const forbidden = await expectTRPCError(
      noScope.setter.leads.bookingLink({ leadId: a.id, singleUse: true }),
      "PRECONDITION_FAILED",
    );
    expect(forbidden.message).toMatch(/single-use.*scheduling_links:write/);
    expect(await linkState(a.id)).toEqual({
      singleUseLinkUrl: null,
      singleUseLinkEventTypeUri: null,
      singleUseLinkCreatedAt: null,
    });

    // 404: the event type is gone from Calendly.
    const gone = await calendlyWorkspace(h);
    const b = await lead(h, gone.id);
    h.fake.eventTypes.splice(h.fake.eventTypes.indexOf(gone.eventType), 1);
    const notFound = await expectTRPCError(
      gone.setter.leads.bookingLink({ leadId: b.id, singleUse: true }),
      "PRECONDITION_FAILED",
    );
    expect(notFound.message).toMatch(/event type/);
    expect((await linkState(b.id)).singleUseLinkCreatedAt).toBeNull();

    // 429 with a reset longer than the client waits out: rate limited, with when to retry; then it works.
    const busy = await calendlyWorkspace(h);
    const c = await lead(h, busy.id);
    h.fake.failNext(1, { status: 429, headers: { "x-ratelimit-reset": "42", "x-ratelimit-remaining": "0" } });
    const limited = await expectTRPCError(
      busy.setter.leads.bookingLink({ leadId: c.id, singleUse: true }),
      "TOO_MANY_REQUESTS",
    );
    expect(limited.message).toMatch(/rate limited, retry after 42 s/);
    expect((await linkState(c.id)).singleUseLinkCreatedAt).toBeNull();
    await expect(busy.setter.leads.bookingLink({ leadId: c.id, singleUse: true })).resolves.toMatchObject({
      singleUse: true,
    });
  });

  it("needs Calendly and an event type", async () => {
    const ghl = await workspace(h, { ghlBookingLink: "https://book.ghl.test/x" });
    const a = await lead(h, ghl.id);
    const err = await expectTRPCError(
      ghl.setter.leads.bookingLink({ leadId: a.id, singleUse: true }),
      "PRECONDITION_FAILED",
    );
    expect(err.message).toMatch(/need Calendly/);
    await expect(ghl.setter.leads.bookingLink({ leadId: a.id })).resolves.toMatchObject({ provider: "GHL" });

    const ws = await calendlyWorkspace(h);
    const b = await lead(h, ws.id);
    await h.db.workspaceSettings.update({ where: { clientId: ws.id }, data: { calendlyEventTypeUri: null } });
    await expectTRPCError(ws.setter.leads.bookingLink({ leadId: b.id, singleUse: true }), "PRECONDITION_FAILED");
    await expectTRPCError(ws.setter.leads.bookingLink({ leadId: b.id, singleUse: "yes" as never }), "BAD_REQUEST");
  });

  it("is NOT_FOUND for a lead of another workspace, and creates nothing", async () => {
    const a = await calendlyWorkspace(h);
    const b = await calendlyWorkspace(h);
    const secret = await lead(h, b.id);
    const before = linkRequests().length;
    await expectTRPCError(a.admin.leads.bookingLink({ leadId: secret.id, singleUse: true }), "NOT_FOUND");
    expect(linkRequests().length).toBe(before);
  });
});

describe("the booking message", () => {
  it("fills the workspace's template with the lead's first name, name and link", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await lead(h, ws.id, { name: "  Ada King Lovelace " });
    await ws.admin.settings.update({
      workspaceId: ws.id,
      bookingMessageTemplate: "Hello {{ firstName }} ({{name}}): {{link}} — see you, {{firstName}}!",
    });
    const link = await ws.setter.leads.bookingLink({ leadId: l.id });
    expect(link.message).toBe(`Hello Ada (Ada King Lovelace): ${link.url} — see you, Ada!`);
  });
});

/** The service's deps without tRPC (the harness's msw routes api.calendly.com to the fake); short polls. */
function directDeps() {
  return {
    db: h.db,
    secrets: h.secrets,
    calendlyFor: createCalendlyClientFactory({ baseUrl: CALENDLY_BASE_URL, timeoutMs: 1000, maxRetries: 0 }),
    clock: () => new Date(),
    publicWebhookBaseUrl: PUBLIC_WEBHOOK_BASE_URL,
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms / 10)),
  };
}
