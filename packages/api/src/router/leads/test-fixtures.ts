// Workspaces and leads for the leads procedure tests (real PostgreSQL, Calendly played by the fake over msw).
import type { MemberRole, Prisma } from "@booking/db";
import { secretContext } from "@booking/db";
import { type Harness, seedWorkspace } from "../../testing/harness.ts";

const tag = () => Math.random().toString(36).slice(2, 8);

/** A workspace with an admin, a setter and an inbox manager (callers for each). */
export async function workspace(h: Harness, settings: Record<string, unknown> = {}) {
  const t = tag();
  const emails = { admin: `admin-${t}@l.test`, setter: `setter-${t}@l.test`, inbox: `inbox-${t}@l.test` };
  const members: Array<[string, MemberRole]> = [
    [emails.admin, "ADMIN"],
    [emails.setter, "SETTER"],
    [emails.inbox, "INBOX_MANAGER"],
  ];
  const id = await seedWorkspace(h.db, { members, settings });
  return { id, emails, admin: h.user(emails.admin), setter: h.user(emails.setter), inbox: h.user(emails.inbox) };
}

/**
 * A workspace that books through Calendly: a token the fake knows (stored encrypted), Calendly
 * enabled, an event type of the fake account chosen.
 */
export async function calendlyWorkspace(h: Harness, opts: { scopes?: string[] } = {}) {
  const token = `pat_${tag()}_0123456789abcdefghij`;
  const account = h.fake.addAccount({ token, ...(opts.scopes ? { scopes: opts.scopes } : {}) });
  const eventType = h.fake.addEventType(account.userUri, { name: "Intro call", slug: `intro-${tag()}` });
  const ws = await workspace(h, {
    meetingBookingProvider: "CALENDLY",
    calendlyEventTypeLink: eventType.scheduling_url,
    calendlyEventTypeUri: eventType.uri,
    calendlyEventTypeName: eventType.name,
  });
  await h.db.client.update({
    where: { id: ws.id },
    data: {
      calendlyEnabled: true,
      calendlyAccessTokenEnc: h.secrets.encrypt(token, secretContext.calendlyAccessToken(ws.id)),
      calendlyAccessTokenLast4: token.slice(-4),
      calendlyUserUri: account.userUri,
      calendlyOrganizationUri: account.organizationUri,
    },
  });
  return { ...ws, token, account, eventType };
}

/** A lead written straight to the database (what webhook mapping would have stored). */
export async function lead(h: Harness, workspaceId: string, data: Partial<Prisma.LeadUncheckedCreateInput> = {}) {
  const t = tag();
  return h.db.lead.create({
    data: { clientId: workspaceId, name: `Lead ${t}`, email: `lead-${t}@example.com`, ...data },
  });
}

/**
 * A lead booked through Calendly: a scheduled event with one invitee in the fake (so Calendly
 * knows the invitee), and the lead pointing at it.
 */
export async function bookedLead(
  h: Harness,
  ws: { id: string; account: { userUri: string } },
  data: Partial<Prisma.LeadUncheckedCreateInput> = {},
) {
  const t = tag();
  const email = `booked-${t}@example.com`;
  const start = new Date(Date.UTC(2026, 4, 14, 16, 0, 0));
  const event = h.fake.addScheduledEvent({
    user: ws.account.userUri,
    start_time: start,
    invitees: [{ email, name: `Booked ${t}` }],
  });
  return lead(h, ws.id, {
    name: `Booked ${t}`,
    email,
    source: "CALENDLY",
    appointmentStatus: "BOOKED",
    appointmentStartAt: start,
    appointmentEndAt: new Date(start.getTime() + 30 * 60_000),
    appointmentBookedAt: new Date("2026-05-12T15:04:10.512Z"),
    calendlyInviteeUri: event.invitees[0]!,
    calendlyScheduledEventUri: event.uri,
    calendlyEventAt: new Date("2026-05-12T15:04:10.512Z"),
    ...data,
  });
}
