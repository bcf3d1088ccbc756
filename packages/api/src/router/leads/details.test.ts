import { createHarness, expectTRPCError, type Harness } from "../../testing/harness.ts";
import { fieldErrorsOf } from "../../trpc.ts";
import { lead, workspace } from "./test-fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const INVITEE = "https://api.calendly.com/scheduled_events/EV1/invitees/IN1";

describe("leads.get", () => {
  it("returns the appointment details stored from Calendly, with the workspace member who hosts it", async () => {
    const ws = await workspace(h);
    const l = await lead(h, ws.id, {
      name: "Maria Lopez",
      email: "maria@northwind.example",
      source: "CALENDLY",
      appointmentStatus: "CANCELED",
      appointmentStartAt: new Date("2026-05-14T16:00:00Z"),
      appointmentEndAt: new Date("2026-05-14T16:30:00Z"),
      appointmentBookedAt: new Date("2026-05-12T15:04:10.512Z"),
      appointmentCanceledAt: new Date("2026-05-13T09:20:44.880Z"),
      appointmentCancelReason: "Conflict",
      appointmentCanceledBy: "Maria Lopez",
      appointmentCancelerType: "invitee",
      appointmentEventName: "30 Minute Discovery Call",
      appointmentLocationType: "google_conference",
      appointmentLocation: null,
      appointmentJoinUrl: "https://meet.google.com/abc-defg-hij",
      appointmentHostName: "Sam Setter",
      appointmentHostEmail: ws.emails.setter,
      appointmentHostUri: "https://api.calendly.com/users/U1",
      appointmentRescheduleUrl: "https://calendly.com/reschedulings/IN1",
      appointmentCancelUrl: "https://calendly.com/cancellations/IN1",
      appointmentAnswers: [
        { question: "Budget", answer: "10k", position: 2 },
        { question: "Company size", answer: "11-50", position: 0 },
        { question: "Phone", answer: "+1 555 0100", position: 1 },
        { bogus: true },
      ],
      appointmentTextReminderNumber: "+1 555 0100",
      appointmentTimezone: "America/Chicago",
      utmSource: "crm",
      utmMedium: "email",
      utmCampaign: "spring",
      utmContent: "lead-123",
      utmTerm: null,
      calendlyInviteeUri: INVITEE,
      calendlyScheduledEventUri: "https://api.calendly.com/scheduled_events/EV1",
    });
    // The host is also an admin of the workspace: both roles.
    await h.db.clientMember.create({ data: { clientId: ws.id, email: ws.emails.setter, role: "ADMIN" } });

    const details = await ws.inbox.leads.get({ leadId: l.id });

    expect(details).toMatchObject({
      id: l.id,
      name: "Maria Lopez",
      appointmentStatus: "CANCELED",
      appointmentEventName: "30 Minute Discovery Call",
      appointmentStartAt: new Date("2026-05-14T16:00:00Z"),
      appointmentEndAt: new Date("2026-05-14T16:30:00Z"),
      appointmentLocationType: "google_conference",
      appointmentLocation: null,
      appointmentJoinUrl: "https://meet.google.com/abc-defg-hij",
      appointmentRescheduleUrl: "https://calendly.com/reschedulings/IN1",
      appointmentCancelUrl: "https://calendly.com/cancellations/IN1",
      appointmentTextReminderNumber: "+1 555 0100",
      appointmentTimezone: "America/Chicago",
      appointmentCancelReason: "Conflict",
      appointmentCanceledBy: "Maria Lopez",
      appointmentCancelerType: "invitee",
      answers: [
        { question: "Company size", answer: "11-50", position: 0 },
        { question: "Phone", answer: "+1 555 0100", position: 1 },
        { question: "Budget", answer: "10k", position: 2 },
      ],
      host: {
        name: "Sam Setter",
        email: ws.emails.setter,
        member: { email: ws.emails.setter, roles: ["ADMIN", "SETTER"] },
      },
      utm: { source: "crm", medium: "email", campaign: "spring", content: "lead-123", term: null },
      hasCalendlyInvitee: true,
      noShow: { marked: false, markedInCalendly: false },
      singleUseLink: null,
    });
    // Explicit selects: no Calendly URIs or other internals beyond what the page shows.
    expect(Object.keys(details)).not.toEqual(expect.arrayContaining(["calendlyInviteeUri"]));
    expect(JSON.stringify(details)).not.toContain(INVITEE);
  });

  it("has no host member when nobody in the workspace has the host's email, and no details for a manual lead", async () => {
    const ws = await workspace(h);
    const other = await workspace(h);
    const hosted = await lead(h, ws.id, {
      appointmentHostName: "Outside Host",
      appointmentHostEmail: other.emails.admin, // a member of another workspace only
    });
    await expect(ws.setter.leads.get({ leadId: hosted.id })).resolves.toMatchObject({
      host: { name: "Outside Host", email: other.emails.admin, member: null },
    });
    const manual = await ws.setter.leads.create({ workspaceId: ws.id, name: "Manual", email: "manual@example.com" });
    await expect(ws.setter.leads.get({ leadId: manual.id })).resolves.toMatchObject({
      appointmentStatus: "NONE",
      host: null,
      answers: [],
      hasCalendlyInvitee: false,
      noShow: { marked: false, markedInCalendly: false },
      utm: { source: null, medium: null, campaign: null, content: null, term: null },
    });
  });

  it("shows a no-show and the single-use link state", async () => {
    const ws = await workspace(h);
    const l = await lead(h, ws.id, {
      appointmentStatus: "NO_SHOW",
      appointmentBookedAt: new Date("2026-05-01T10:00:00Z"),
      calendlyInviteeUri: "https://api.calendly.com/scheduled_events/EV2/invitees/IN2",
      calendlyNoShowUri: "https://api.calendly.com/invitee_no_shows/NS2",
      singleUseLinkUrl: "https://calendly.com/d/abc/intro?utm_content=x",
      singleUseLinkEventTypeUri: "https://api.calendly.com/event_types/ET",
      singleUseLinkCreatedAt: new Date("2026-04-30T10:00:00Z"),
    });
    await expect(ws.setter.leads.get({ leadId: l.id })).resolves.toMatchObject({
      noShow: { marked: true, markedInCalendly: true },
      // Booked after the link was made: the link is used up.
      singleUseLink: {
        url: "https://calendly.com/d/abc/intro?utm_content=x",
        createdAt: new Date("2026-04-30T10:00:00Z"),
        reusable: false,
      },
    });
  });
});

describe("leads.timeline", () => {
  it("lists the lead's deliveries oldest first with what each changed, in one workspace", async () => {
    const ws = await workspace(h);
    const l = await lead(h, ws.id, { appointmentStatus: "RESCHEDULED" });
    const other = await lead(h, ws.id);
    const at = (s: number) => new Date(Date.parse("2026-05-12T15:00:00Z") + s * 1000);
    const row = (
      id: string,
      receivedAt: Date,
      eventName: string,
      extra: { status?: "PROCESSED" | "IGNORED"; outcome?: string; changes?: object; leadId?: string } = {},
    ) => ({
      id,
      clientId: ws.id,
      eventName,
      idempotencyKey: `${eventName}:${id}`,
      rawBody: JSON.stringify({ secret: "raw body must never be read", id }),
      receivedAt,
      eventCreatedAt: new Date(receivedAt.getTime() - 500),
      status: extra.status ?? ("PROCESSED" as const),
      outcome: extra.outcome ?? null,
      leadId: extra.leadId ?? l.id,
      ...(extra.changes ? { changes: extra.changes } : {}),
    });
    // Inserted out of order; two share a receivedAt (the id orders them).
    await h.db.webhookEvent.createMany({
      data: [
        row("ev_c", at(20), "invitee.canceled", {
          outcome: "rescheduled",
          changes: {
            appointmentStatus: ["BOOKED", "RESCHEDULED"],
            appointmentCanceledAt: [null, "2026-05-12T15:00:20.000Z"],
          },
        }),
        row("ev_a", at(0), "invitee.created", {
          outcome: "booked",
          changes: {
            appointmentStatus: ["NONE", "BOOKED"],
            appointmentStartAt: [null, "2026-05-14T16:00:00.000Z"],
            appointmentAnswers: [null, [{ question: "Q", answer: "A", position: 0 }]],
          },
        }),
        row("ev_b2", at(10), "invitee.created", { outcome: "booked", changes: {} }),
        row("ev_b1", at(10), "invitee.created", { status: "PROCESSED", outcome: "stale" }),
        row("ev_x", at(5), "invitee.created", { outcome: "booked", leadId: other.id }),
      ],
    });

    const timeline = await ws.setter.leads.timeline({ leadId: l.id });

    expect(timeline.nextCursor).toBeNull();
    expect(timeline.items.map((e) => [e.id, e.eventName, e.outcome])).toEqual([
      ["ev_a", "invitee.created", "booked"],
      ["ev_b1", "invitee.created", "stale"],
      ["ev_b2", "invitee.created", "booked"],
      ["ev_c", "invitee.canceled", "rescheduled"],
    ]);
    expect(timeline.items[0]).toMatchObject({
      receivedAt: at(0),
      eventCreatedAt: new Date(at(0).getTime() - 500),
      status: "PROCESSED",
      source: "WEBHOOK",
      changes: [
        { field: "appointmentStatus", before: "NONE", after: "BOOKED" },
        { field: "appointmentStartAt", before: null, after: "2026-05-14T16:00:00.000Z" },
        // jsonb's own key order.
        { field: "appointmentAnswers", before: null, after: '[{"answer":"A","position":0,"question":"Q"}]' },
      ],
    });
    // ev_b1 recorded no changes at all; ev_b2 recorded that nothing changed.
    expect(timeline.items[1]!.changes).toBeNull();
    expect(timeline.items[2]!.changes).toEqual([]);
    expect(JSON.stringify(timeline)).not.toContain("raw body");

    // Pages oldest first by cursor.
    const first = await ws.setter.leads.timeline({ leadId: l.id, limit: 3 });
    expect(first.items.map((e) => e.id)).toEqual(["ev_a", "ev_b1", "ev_b2"]);
    const rest = await ws.setter.leads.timeline({ leadId: l.id, limit: 3, cursor: first.nextCursor! });
    expect(rest.items.map((e) => e.id)).toEqual(["ev_c"]);
    expect(rest.nextCursor).toBeNull();
    const bad = await expectTRPCError(ws.setter.leads.timeline({ leadId: l.id, cursor: "garbage" }), "BAD_REQUEST");
    expect(fieldErrorsOf(bad.cause)).toEqual({ cursor: ["Invalid cursor"] });
  });

  it("is empty for a lead without deliveries", async () => {
    const ws = await workspace(h);
    const l = await lead(h, ws.id);
    await expect(ws.inbox.leads.timeline({ leadId: l.id })).resolves.toEqual({ items: [], nextCursor: null });
  });
});

describe("tenancy of leads.get and leads.timeline", () => {
  it("a lead of another workspace is NOT_FOUND, like a missing one", async () => {
    const a = await workspace(h);
    const b = await workspace(h);
    const secret = await lead(h, b.id, { name: "Secret" });
    for (const caller of [a.admin, a.setter, a.inbox]) {
      await expectTRPCError(caller.leads.get({ leadId: secret.id }), "NOT_FOUND");
      await expectTRPCError(caller.leads.timeline({ leadId: secret.id }), "NOT_FOUND");
    }
    await expectTRPCError(a.admin.leads.timeline({ leadId: "missing" }), "NOT_FOUND");
    await expectTRPCError(h.callerFor(null).leads.timeline({ leadId: secret.id }), "UNAUTHORIZED");
    await expect(h.platform().leads.timeline({ leadId: secret.id })).resolves.toEqual({ items: [], nextCursor: null });
  });
});
