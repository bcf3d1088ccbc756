import { verifyPassword } from "better-auth/crypto";
import { DEMO_PASSWORD, DEMO_WORKSPACES, seedDemo } from "./seed.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

it("creates the demo workspaces, members of each role and leads in every state, once", async () => {
  expect((await seedDemo(t.db)).created).toBe(true);
  expect((await seedDemo(t.db)).created).toBe(false);

  const members = await t.db.clientMember.findMany({
    where: { clientId: DEMO_WORKSPACES.northwind },
    select: { role: true },
  });
  expect(new Set(members.map((m) => m.role))).toEqual(new Set(["ADMIN", "SETTER", "INBOX_MANAGER"]));

  const statuses = await t.db.lead.groupBy({
    by: ["appointmentStatus"],
    where: { clientId: DEMO_WORKSPACES.northwind },
    _count: true,
  });
  expect(statuses.map((s) => s.appointmentStatus).sort()).toEqual([
    "BOOKED",
    "CANCELED",
    "NONE",
    "NO_SHOW",
    "RESCHEDULED",
  ]);

  const settings = await t.db.workspaceSettings.findUniqueOrThrow({ where: { clientId: DEMO_WORKSPACES.northwind } });
  expect(settings.ghlBookingLink).toMatch(/^https:\/\//);
  expect(settings.calendlyEventTypeUri).toMatch(/^https:\/\/api\.calendly\.com\/event_types\//);

  const account = await t.db.account.findFirstOrThrow({ where: { user: { email: "admin@demo.test" } } });
  expect(await verifyPassword({ hash: account.password!, password: DEMO_PASSWORD })).toBe(true);
});
