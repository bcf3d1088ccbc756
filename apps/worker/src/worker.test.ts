import { pgSqlRunner } from "@booking/api/services/webhooks";
import { createCalendlyClientFactory } from "@booking/calendly";
import { createDb, type Db } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import pg from "pg";
import { CRONTAB, taskList } from "./tasks/index.ts";
import { buildWebhookEnvelope, createWorkspace, eventually, quietLogger, secrets, store } from "./testing/inbox.ts";
import { startWorker, type WorkerDeps } from "./worker.ts";

let t: TestDatabase;
let db: Db;
let pool: pg.Pool;
const NOW = new Date("2026-09-01T00:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  db = createDb({ url: t.url, max: 2 });
  // As main.ts builds it.
  pool = new pg.Pool({ connectionString: t.url, max: 8 });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
});
afterAll(async () => {
  await pool?.end();
  await db?.$disconnect();
  await t?.drop();
});

const deps = (clock = () => new Date()): WorkerDeps => ({
  db,
  pool,
  secrets,
  calendlyFor: createCalendlyClientFactory({}),
  oauth: null,
  logger: quietLogger().logger,
  clock,
  settings: { healthIntervalSeconds: 300, inboxRetentionDays: 90, concurrency: 1, publicWebhookBaseUrl: "http://x" },
});

it("runs the inbox drainer beside graphile-worker, and stops both", async () => {
  const ws = await createWorkspace(t.db);
  const worker = await startWorker(deps());
  try {
    const [id] = await store(pgSqlRunner(pool), ws.id, [
      buildWebhookEnvelope("invitee.created", { email: "w@x.test" }),
    ]);
    await eventually(
      "the delivery mapped",
      async () => (await t.db.webhookEvent.findUniqueOrThrow({ where: { id: id! } })).status === "PROCESSED",
    );
  } finally {
    await worker.stop();
  }
}, 60_000);

it("deletes old mapped inbox rows hourly (inbox_retention), keeping FAILED ones", async () => {
  expect(CRONTAB).toMatch(/^\d+ \* \* \* \* inbox_retention$/m);
  const ws = await createWorkspace(t.db);
  const old = new Date(NOW.getTime() - 100 * 24 * 60 * 60 * 1000);
  for (const [i, status] of (["PROCESSED", "IGNORED", "FAILED"] as const).entries()) {
    await t.db.webhookEvent.create({
      data: { clientId: ws.id, eventName: "x", idempotencyKey: `r${i}`, rawBody: "{}", status, receivedAt: old },
    });
  }
  await taskList(deps(() => NOW)).inbox_retention!({}, {} as never);
  const left = await t.db.webhookEvent.findMany({ where: { clientId: ws.id }, select: { status: true } });
  expect(left).toEqual([{ status: "FAILED" }]);
});
