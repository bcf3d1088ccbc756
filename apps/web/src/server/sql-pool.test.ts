// leads.list runs the same statement through Prisma (tests, in-process callers) and through the
// web server's pg pool: both give the same page, timestamps included.
import { listLeads } from "@booking/api/services";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { createSqlRunner } from "./sql-pool.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

it("gives the same pages as Prisma", async () => {
  const ws = await t.db.client.create({ data: { name: "Pool" } });
  await t.db.lead.createMany({
    data: Array.from({ length: 9 }, (_, i) => ({
      clientId: ws.id,
      name: i % 2 ? `Maria ${i}` : `Tom ${i}`,
      email: `lead${i}@pool.example`,
      appointmentStatus: i % 3 ? ("BOOKED" as const) : ("NONE" as const),
      appointmentStartAt: i % 3 ? new Date(Date.UTC(2026, 4, 14, 16, i)) : null,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i, 123)),
    })),
  });
  const sql = createSqlRunner(t.url, 2);
  for (const input of [
    { workspaceId: ws.id, limit: 4 },
    { workspaceId: ws.id, limit: 2, status: "BOOKED" as const },
    { workspaceId: ws.id, limit: 3, search: "mar" },
  ]) {
    let cursor: string | undefined;
    do {
      const viaPrisma = await listLeads({ db: t.db }, { ...input, ...(cursor ? { cursor } : {}) });
      const viaPg = await listLeads({ db: t.db, sql }, { ...input, ...(cursor ? { cursor } : {}) });
      expect(viaPg).toEqual(viaPrisma);
      expect(viaPg.items[0]?.createdAt).toBeInstanceOf(Date);
      cursor = viaPg.nextCursor ?? undefined;
    } while (cursor);
  }
});
