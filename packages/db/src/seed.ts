// Demo data for the local run command: two workspaces, members of every role, leads in every
// appointment state. Idempotent: running it again changes nothing.
import { hashPassword } from "better-auth/crypto";
import type { AppointmentStatus, LeadSource, MemberRole } from "./generated/prisma/client.ts";
import type { Db } from "./index.ts";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_WORKSPACES = {
  northwind: "demo_northwind",
  contoso: "demo_contoso",
} as const;

export const DEMO_USERS: {
  email: string;
  name: string;
  roles: Array<[workspace: keyof typeof DEMO_WORKSPACES, role: MemberRole]>;
}[] = [
  {
    email: "admin@demo.test",
    name: "Avery Admin",
    roles: [
      ["northwind", "ADMIN"],
      ["contoso", "ADMIN"],
    ],
  },
  { email: "setter@demo.test", name: "Sam Setter", roles: [["northwind", "SETTER"]] },
  { email: "inbox@demo.test", name: "Ira Inbox", roles: [["northwind", "INBOX_MANAGER"]] },
];

/** Calendly event type the demo workspace points at (served by the local Calendly stand-in). */
export const DEMO_EVENT_TYPE = {
  uri: "https://api.calendly.com/event_types/0f6c1a52-7d1e-4c55-9a43-5b2f3c9d1e01",
  link: "https://calendly.com/northwind-demo/intro-call",
  name: "Intro call (30 min)",
};

const day = 24 * 60 * 60 * 1000;

function demoLeads(now: Date): Array<{
  name: string;
  email: string;
  source: LeadSource;
  appointmentStatus: AppointmentStatus;
  start?: Date;
  cancelReason?: string;
}> {
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * day);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  return [
    { name: "Maria Lopez", email: "maria.lopez@northwind.example", source: "MANUAL", appointmentStatus: "NONE" },
    { name: "Dev Patel", email: "dev.patel@fabrikam.example", source: "ADMIN_API", appointmentStatus: "NONE" },
    {
      name: "Hannah Kim",
      email: "hannah.kim@litware.example",
      source: "CALENDLY",
      appointmentStatus: "BOOKED",
      start: at(2, 15),
    },
    {
      name: "Tomás Silva",
      email: "tomas.silva@adatum.example",
      source: "GHL",
      appointmentStatus: "BOOKED",
      start: at(5, 17),
    },
    {
      name: "Grace Obi",
      email: "grace.obi@tailspin.example",
      source: "CALENDLY",
      appointmentStatus: "CANCELED",
      start: at(1, 14),
      cancelReason: "Budget frozen until Q1",
    },
    {
      name: "Luca Rossi",
      email: "luca.rossi@wingtip.example",
      source: "CALENDLY",
      appointmentStatus: "RESCHEDULED",
      start: at(3, 16),
    },
    {
      name: "Noor Haddad",
      email: "noor.haddad@proseware.example",
      source: "CALENDLY",
      appointmentStatus: "NO_SHOW",
      start: at(-2, 13),
    },
  ];
}

export type SeedResult = { created: boolean; workspaceIds: string[]; users: string[] };

export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  const existing = await db.client.findUnique({ where: { id: DEMO_WORKSPACES.northwind }, select: { id: true } });
  const workspaceIds = Object.values(DEMO_WORKSPACES);
  const users = DEMO_USERS.map((u) => u.email);
  if (existing) return { created: false, workspaceIds, users };

  const password = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    await tx.client.create({
      data: {
        id: DEMO_WORKSPACES.northwind,
        name: "Northwind Outreach",
        settings: {
          create: {
            meetingBookingProvider: "GHL",
            ghlCalendarId: "nw-discovery-calls",
            ghlBookingLink: "https://api.leadconnectorhq.com/widget/booking/nw-discovery-calls",
            calendlyEventTypeLink: DEMO_EVENT_TYPE.link,
            calendlyEventTypeUri: DEMO_EVENT_TYPE.uri,
            calendlyEventTypeName: DEMO_EVENT_TYPE.name,
          },
        },
      },
    });
    await tx.client.create({
      data: {
        id: DEMO_WORKSPACES.contoso,
        name: "Contoso Growth",
        settings: {
          create: {
            meetingBookingProvider: "GHL",
            ghlBookingLink: "https://api.leadconnectorhq.com/widget/booking/contoso-intro",
          },
        },
      },
    });
    for (const u of DEMO_USERS) {
      for (const [ws, role] of u.roles) {
        await tx.clientMember.create({ data: { clientId: DEMO_WORKSPACES[ws], email: u.email, role } });
      }
      const id = `demo_user_${u.email.split("@")[0]}`;
      await tx.user.create({ data: { id, name: u.name, email: u.email, emailVerified: true } });
      await tx.account.create({
        data: { id: `${id}_credential`, accountId: id, providerId: "credential", userId: id, password },
      });
    }
    for (const l of demoLeads(now)) {
      const end = l.start ? new Date(l.start.getTime() + 30 * 60 * 1000) : null;
      // Bookings made through Calendly carry what its webhook told us (the lead page shows it); the
      // host is the demo setter, a member of the workspace.
      const fromCalendly =
        l.source === "CALENDLY"
          ? {
              appointmentEventName: DEMO_EVENT_TYPE.name,
              appointmentLocationType: "google_conference",
              appointmentJoinUrl: `https://meet.google.com/demo-${l.email.split("@")[0]!.replace(/\W/g, "")}`,
              appointmentHostName: "Sam Setter",
              appointmentHostEmail: "setter@demo.test",
              appointmentTimezone: "America/New_York",
              appointmentAnswers: [
                { question: "Company size", answer: "11-50", position: 0 },
                { question: "What would you like to discuss?", answer: "Outbound lead generation", position: 1 },
              ],
              utmSource: "crm",
              utmMedium: "email",
              utmCampaign: "demo-outreach",
            }
          : {};
      await tx.lead.create({
        data: {
          clientId: DEMO_WORKSPACES.northwind,
          name: l.name,
          email: l.email,
          source: l.source,
          appointmentStatus: l.appointmentStatus,
          appointmentStartAt: l.start ?? null,
          appointmentEndAt: end,
          appointmentBookedAt: l.start ? new Date(now.getTime() - 3 * day) : null,
          appointmentCanceledAt: l.appointmentStatus === "CANCELED" ? new Date(now.getTime() - day) : null,
          appointmentCancelReason: l.cancelReason ?? null,
          ...fromCalendly,
        },
      });
    }
    await tx.lead.create({
      data: { clientId: DEMO_WORKSPACES.contoso, name: "Olivia Chen", email: "olivia.chen@contoso.example" },
    });
  });
  return { created: true, workspaceIds, users };
}
