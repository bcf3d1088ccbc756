import { type CalendlyClientFactory, createCalendlyClientFactory } from "@booking/calendly";
import { ALL_SCOPES, buildWebhookEnvelope } from "@booking/calendly/testing";
import { prismaRunner } from "../../lib/sql.ts";
import { markNoShow } from "../../services/leads/index.ts";
import { deliver } from "../../services/webhooks/test-helpers.ts";
import {
  CALENDLY_BASE_URL,
  createHarness,
  expectTRPCError,
  type Harness,
  PUBLIC_WEBHOOK_BASE_URL,
} from "../../testing/harness.ts";
import { bookedLead, calendlyWorkspace, lead } from "./test-fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const row = (id: string) => h.db.lead.findUniqueOrThrow({ where: { id } });

/**
 * What a no-show is about: the status, the mark and the booking it marks. (The webhook carries the
 * same booking's details, e.g. the event name, which mapping may fill in on a lead stored without them.)
 */
const noShowState = async (id: string) => {
  const l = await row(id);
  return {
    appointmentStatus: l.appointmentStatus,
    calendlyNoShowUri: l.calendlyNoShowUri,
    calendlyInviteeUri: l.calendlyInviteeUri,
    appointmentStartAt: l.appointmentStartAt,
    appointmentEndAt: l.appointmentEndAt,
    appointmentBookedAt: l.appointmentBookedAt,
    appointmentCanceledAt: l.appointmentCanceledAt,
  };
};
const noShowCalls = () => h.fake.requests.filter((r) => r.path.startsWith("/invitee_no_shows"));

/** What Calendly posts after a no-show change: the invitee payload with `no_show` as it now is. */
function noShowWebhook(
  event: "invitee_no_show.created" | "invitee_no_show.deleted",
  l: { email: string; name: string; calendlyInviteeUri: string | null; calendlyScheduledEventUri: string | null },
  noShow: { uri: string; created_at: string } | null,
  createdAt: Date,
) {
  return buildWebhookEnvelope(
    event,
    {
      uri: l.calendlyInviteeUri!,
      email: l.email,
      name: l.name,
      event: l.calendlyScheduledEventUri!,
      scheduled_event: { uri: l.calendlyScheduledEventUri!, start_time: "2026-05-14T16:00:00.000Z" },
      no_show: noShow,
    },
    { created_at: createdAt.toISOString() },
  );
}

describe("leads.markNoShow", () => {
  it("marks the invitee in Calendly (201) and the lead in one step; Calendly's webhook then changes nothing", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await bookedLead(h, ws);

    const details = await ws.setter.leads.markNoShow({ leadId: l.id });

    expect(details).toMatchObject({
      id: l.id,
      appointmentStatus: "NO_SHOW",
      noShow: { marked: true, markedInCalendly: true },
    });
    const invitee = h.fake.invitee(l.calendlyInviteeUri!) as { no_show: { uri: string; created_at: string } };
    expect(invitee.no_show).toMatchObject({ uri: expect.stringMatching(/\/invitee_no_shows\//) });
    const after = await row(l.id);
    expect(after).toMatchObject({ appointmentStatus: "NO_SHOW", calendlyNoShowUri: invitee.no_show.uri });
    expect(after.calendlyEventAt!.getTime()).toBeGreaterThanOrEqual(Date.parse(invitee.no_show.created_at));
    // The meeting itself is untouched.
    expect(after).toMatchObject({
      appointmentStartAt: l.appointmentStartAt,
      appointmentBookedAt: l.appointmentBookedAt,
      calendlyInviteeUri: l.calendlyInviteeUri,
    });

    // Calendly's invitee_no_show.created for the same mark, a moment later: nothing changes.
    const stateBefore = await noShowState(l.id);
    const result = await deliver(
      { sql: prismaRunner(h.db) },
      h.db,
      ws.id,
      noShowWebhook(
        "invitee_no_show.created",
        l,
        invitee.no_show,
        new Date(Date.parse(invitee.no_show.created_at) + 800),
      ),
    );
    expect(result).toMatchObject({ leadId: l.id, status: "PROCESSED" });
    expect(await noShowState(l.id)).toEqual(stateBefore);
    await expect(ws.setter.leads.get({ leadId: l.id })).resolves.toMatchObject({
      appointmentStatus: details.appointmentStatus,
      noShow: details.noShow,
    });

    // Marking again is a no-op (no second Calendly call).
    const calls = noShowCalls().length;
    await expect(ws.admin.leads.markNoShow({ leadId: l.id })).resolves.toMatchObject({ appointmentStatus: "NO_SHOW" });
    expect(noShowCalls().length).toBe(calls);
  });

  it("leaves the lead unchanged when Calendly refuses: 403 (scope), 404 (unknown invitee), 503", async () => {
    const noScope = await calendlyWorkspace(h, { scopes: ALL_SCOPES.filter((s) => s !== "scheduled_events:write") });
    const a = await bookedLead(h, noScope);
    const forbidden = await expectTRPCError(noScope.setter.leads.markNoShow({ leadId: a.id }), "PRECONDITION_FAILED");
    expect(forbidden.message).toMatch(/Calendly refused the no-show: .*scheduled_events:write/);
    expect(await row(a.id)).toEqual(a);

    const ws = await calendlyWorkspace(h);
    const unknown = await lead(h, ws.id, {
      appointmentStatus: "BOOKED",
      calendlyInviteeUri: "https://api.calendly.com/scheduled_events/GONE/invitees/GONE",
      calendlyScheduledEventUri: "https://api.calendly.com/scheduled_events/GONE",
    });
    const notFound = await expectTRPCError(ws.setter.leads.markNoShow({ leadId: unknown.id }), "PRECONDITION_FAILED");
    expect(notFound.message).toMatch(/Calendly does not know this booking/);
    expect(await row(unknown.id)).toEqual(unknown);

    const b = await bookedLead(h, ws);
    h.fake.failNext(3, { status: 503 });
    await expectTRPCError(ws.setter.leads.markNoShow({ leadId: b.id }), "SERVICE_UNAVAILABLE");
    expect(await row(b.id)).toEqual(b);
    expect((h.fake.invitee(b.calendlyInviteeUri!) as { no_show: unknown }).no_show).toBeNull();
  });

  it("needs a Calendly booking that is booked", async () => {
    const ws = await calendlyWorkspace(h);
    const manual = await lead(h, ws.id);
    const none = await expectTRPCError(ws.setter.leads.markNoShow({ leadId: manual.id }), "PRECONDITION_FAILED");
    expect(none.message).toMatch(/no Calendly booking/);
    const canceled = await bookedLead(h, ws, { appointmentStatus: "CANCELED" });
    const err = await expectTRPCError(ws.setter.leads.markNoShow({ leadId: canceled.id }), "PRECONDITION_FAILED");
    expect(err.message).toMatch(/was canceled/);
    expect(
      noShowCalls().filter((r) => (r.body as { invitee?: string })?.invitee === canceled.calendlyInviteeUri),
    ).toEqual([]);
  });

  it("undoes the Calendly mark when the booking changed while Calendly answered", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await bookedLead(h, ws);
    const real = createCalendlyClientFactory({ baseUrl: CALENDLY_BASE_URL, timeoutMs: 1000, maxRetries: 0 });
    // A webhook cancels the booking while the no-show request is in flight.
    const racing: CalendlyClientFactory = (token) => {
      const client = real(token);
      return {
        ...client,
        async createInviteeNoShow(uri) {
          const mark = await client.createInviteeNoShow(uri);
          await h.db.lead.update({ where: { id: l.id }, data: { appointmentStatus: "CANCELED" } });
          return mark;
        },
      };
    };
    await expect(
      markNoShow(
        {
          db: h.db,
          secrets: h.secrets,
          calendlyFor: racing,
          clock: () => new Date(),
          publicWebhookBaseUrl: PUBLIC_WEBHOOK_BASE_URL,
        },
        l.id,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await row(l.id)).toMatchObject({ appointmentStatus: "CANCELED", calendlyNoShowUri: null });
    expect((h.fake.invitee(l.calendlyInviteeUri!) as { no_show: unknown }).no_show).toBeNull();
  });
});

describe("leads.unmarkNoShow", () => {
  it("removes the mark in Calendly (204) and on the lead; Calendly's webhooks then change nothing", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await bookedLead(h, ws);
    await ws.setter.leads.markNoShow({ leadId: l.id });
    const marked = await row(l.id);
    const mark = { uri: marked.calendlyNoShowUri!, created_at: marked.calendlyEventAt!.toISOString() };

    const details = await ws.admin.leads.unmarkNoShow({ leadId: l.id });

    expect(details).toMatchObject({ appointmentStatus: "BOOKED", noShow: { marked: false, markedInCalendly: false } });
    expect(noShowCalls().at(-1)).toMatchObject({
      method: "DELETE",
      path: `/invitee_no_shows/${mark.uri.split("/").at(-1)}`,
    });
    expect((h.fake.invitee(l.calendlyInviteeUri!) as { no_show: unknown }).no_show).toBeNull();
    const after = await row(l.id);
    expect(after).toMatchObject({ appointmentStatus: "BOOKED", calendlyNoShowUri: null });

    // invitee_no_show.deleted a moment later, then the mark's late invitee_no_show.created: nothing changes.
    const stateBefore = await noShowState(l.id);
    for (const body of [
      noShowWebhook("invitee_no_show.deleted", l, null, new Date(Date.now() + 500)),
      noShowWebhook("invitee_no_show.created", l, mark, new Date(mark.created_at)),
    ]) {
      const result = await deliver({ sql: prismaRunner(h.db) }, h.db, ws.id, body);
      expect(result.leadId).toBe(l.id);
      expect(await noShowState(l.id)).toEqual(stateBefore);
    }
    await expect(ws.setter.leads.get({ leadId: l.id })).resolves.toMatchObject({
      appointmentStatus: details.appointmentStatus,
      noShow: details.noShow,
    });
  });

  it("Calendly's 404 means the mark is already gone: the lead is unmarked", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await bookedLead(h, ws, {
      appointmentStatus: "NO_SHOW",
      calendlyNoShowUri: "https://api.calendly.com/invitee_no_shows/ALREADY-GONE",
    });
    await expect(ws.setter.leads.unmarkNoShow({ leadId: l.id })).resolves.toMatchObject({
      appointmentStatus: "BOOKED",
    });
    expect(await row(l.id)).toMatchObject({ appointmentStatus: "BOOKED", calendlyNoShowUri: null });
  });

  it("finds the mark in Calendly when the lead was marked by a webhook without its URI", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await bookedLead(h, ws);
    // Marked in Calendly (by someone there); the lead knows only its status.
    const calendly = createCalendlyClientFactory({ baseUrl: CALENDLY_BASE_URL, maxRetries: 0 })(ws.token);
    const mark = await calendly.createInviteeNoShow(l.calendlyInviteeUri!);
    await h.db.lead.update({ where: { id: l.id }, data: { appointmentStatus: "NO_SHOW" } });

    await ws.setter.leads.unmarkNoShow({ leadId: l.id });

    expect(noShowCalls().at(-1)).toMatchObject({
      method: "DELETE",
      path: `/invitee_no_shows/${mark.uri.split("/").at(-1)}`,
    });
    expect((h.fake.invitee(l.calendlyInviteeUri!) as { no_show: unknown }).no_show).toBeNull();
    expect(await row(l.id)).toMatchObject({ appointmentStatus: "BOOKED" });
  });

  it("leaves the lead marked when Calendly refuses (403)", async () => {
    const ws = await calendlyWorkspace(h, { scopes: ALL_SCOPES.filter((s) => s !== "scheduled_events:write") });
    const l = await bookedLead(h, ws, {
      appointmentStatus: "NO_SHOW",
      calendlyNoShowUri: "https://api.calendly.com/invitee_no_shows/NS",
    });
    const err = await expectTRPCError(ws.setter.leads.unmarkNoShow({ leadId: l.id }), "PRECONDITION_FAILED");
    expect(err.message).toMatch(/scheduled_events:write/);
    expect(await row(l.id)).toEqual(l);
  });

  it("is a no-op on a lead that is not a no-show, and refuses a canceled one", async () => {
    const ws = await calendlyWorkspace(h);
    const booked = await bookedLead(h, ws);
    const calls = noShowCalls().length;
    await expect(ws.setter.leads.unmarkNoShow({ leadId: booked.id })).resolves.toMatchObject({
      appointmentStatus: "BOOKED",
    });
    expect(noShowCalls().length).toBe(calls);
    const canceled = await bookedLead(h, ws, { appointmentStatus: "CANCELED" });
    await expectTRPCError(ws.setter.leads.unmarkNoShow({ leadId: canceled.id }), "PRECONDITION_FAILED");
  });
});

describe("who may mark a no-show", () => {
  it("setters and admins; inbox managers are FORBIDDEN; another workspace's members get NOT_FOUND", async () => {
    const ws = await calendlyWorkspace(h);
    const other = await calendlyWorkspace(h);
    const l = await bookedLead(h, ws);
    await expectTRPCError(ws.inbox.leads.markNoShow({ leadId: l.id }), "FORBIDDEN");
    await expectTRPCError(ws.inbox.leads.unmarkNoShow({ leadId: l.id }), "FORBIDDEN");
    for (const caller of [other.admin, other.setter, other.inbox]) {
      await expectTRPCError(caller.leads.markNoShow({ leadId: l.id }), "NOT_FOUND");
      await expectTRPCError(caller.leads.unmarkNoShow({ leadId: l.id }), "NOT_FOUND");
    }
    await expectTRPCError(h.callerFor(null).leads.markNoShow({ leadId: l.id }), "UNAUTHORIZED");
    expect(await row(l.id)).toEqual(l);
    expect(noShowCalls().filter((r) => (r.body as { invitee?: string })?.invitee === l.calendlyInviteeUri)).toEqual([]);
    await expect(h.platform().leads.markNoShow({ leadId: l.id })).resolves.toMatchObject({
      appointmentStatus: "NO_SHOW",
    });
  });
});

describe("a no-show Calendly already has", () => {
  it("is stored on the lead without marking it a second time", async () => {
    const ws = await calendlyWorkspace(h);
    const l = await bookedLead(h, ws);
    const calendly = createCalendlyClientFactory({ baseUrl: CALENDLY_BASE_URL, maxRetries: 0 })(ws.token);
    const mark = await calendly.createInviteeNoShow(l.calendlyInviteeUri!);
    // The webhook set the status before mapping stored the mark's URI.
    await h.db.lead.update({ where: { id: l.id }, data: { appointmentStatus: "NO_SHOW" } });
    const posts = () => noShowCalls().filter((r) => r.method === "POST").length;
    const before = posts();

    await expect(ws.setter.leads.markNoShow({ leadId: l.id })).resolves.toMatchObject({
      noShow: { marked: true, markedInCalendly: true },
    });
    expect(posts()).toBe(before);
    expect(await row(l.id)).toMatchObject({ appointmentStatus: "NO_SHOW", calendlyNoShowUri: mark.uri });
  });
});
