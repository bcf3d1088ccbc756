import { buildWebhookEnvelope } from "@booking/calendly/testing";
import type { WebhookEventStatus } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import type { SqlPool } from "../../lib/sql.ts";
import { deleteOldInboxRows } from "./retention.ts";
import { createWorkspace, testSecrets, testSqlPool } from "./test-helpers.ts";

let t: TestDatabase;
let pool: SqlPool;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = testSqlPool(t.url);
});
afterAll(async () => {
  await pool?.pool.end();
  await t?.drop();
});

const NOW = new Date("2026-06-30T12:00:00.000Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 60 * 60 * 1000);

it("deletes only PROCESSED and IGNORED rows older than the retention, in batches; FAILED and unmapped rows stay", async () => {
  const ws = await createWorkspace(t.db, testSecrets());
  const rows: Array<[WebhookEventStatus, number]> = [
    ["PROCESSED", 91],
    ["PROCESSED", 120],
    ["IGNORED", 95],
    ["PROCESSED", 89],
    ["IGNORED", 10],
    ["FAILED", 200],
    ["RECEIVED", 150],
  ];
  const ids = [];
  for (const [i, [status, age]] of rows.entries()) {
    const r = await t.db.webhookEvent.create({
      data: {
        clientId: ws.id,
        eventName: "invitee.created",
        idempotencyKey: `k${i}`,
        rawBody: JSON.stringify(buildWebhookEnvelope("invitee.created")),
        status,
        receivedAt: daysAgo(age),
      },
      select: { id: true },
    });
    ids.push(r.id);
  }
  expect(await deleteOldInboxRows({ sql: pool.sql, clock: () => NOW }, { retentionDays: 90, batchSize: 2 })).toEqual({
    deleted: 3,
  });
  const left = await t.db.webhookEvent.findMany({ where: { clientId: ws.id }, select: { id: true } });
  expect(left.map((r) => r.id).sort()).toEqual([ids[3], ids[4], ids[5], ids[6]].sort());
  expect(await deleteOldInboxRows({ sql: pool.sql, clock: () => NOW }, { retentionDays: 90 })).toEqual({ deleted: 0 });
});
