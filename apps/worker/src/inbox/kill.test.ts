// A worker process killed in the middle of a batch (SIGKILL: no cleanup): its transaction dies with
// its connection, and the other worker maps every delivery of that batch, once.
import { createSqlPool, type SqlPool } from "@booking/api/services/webhooks";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import {
  buildWebhookEnvelope,
  CREDENTIALS_KEY,
  createWorkspace,
  eventually,
  quietLogger,
  store,
} from "../testing/inbox.ts";
import { type Process, startWorkerProcess } from "../testing/processes.ts";
import { INBOX_CHANNEL, startInboxDrainer } from "./drainer.ts";

let t: TestDatabase;
let pool: SqlPool;
let worker: Process | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = createSqlPool({ url: t.url, max: 6 });
});
afterAll(async () => {
  await worker?.kill();
  await pool?.pool.end();
  await t?.drop();
});

const waitingOnLocks = async () =>
  (
    await pool.pool.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )
  ).rows.length;

it("a worker killed mid-batch: the other worker maps its deliveries", async () => {
  const ws = await createWorkspace(t.db);
  const held = await t.db.lead.create({ data: { clientId: ws.id, name: "Held", email: "held@x.test" } });
  worker = startWorkerProcess({ databaseUrl: t.url, credentialsKey: CREDENTIALS_KEY });
  await eventually(
    "the worker process listening",
    async () =>
      (
        await pool.pool.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query = $1`, [
          `LISTEN ${INBOX_CHANNEL}`,
        ])
      ).rows.length === 1,
    30_000,
  ).catch((error) => {
    throw new Error(`${(error as Error).message}\n${worker?.output()}`);
  });

  // Hold one lead's lock so that the worker's batch stops there, mid-transaction.
  const holder = await pool.pool.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Lead" WHERE id = $1 FOR UPDATE`, [held.id]);
    const ids = await store(pool.sql, ws.id, [
      buildWebhookEnvelope("invitee.created", { email: "held@x.test" }),
      ...Array.from({ length: 9 }, (_, i) => buildWebhookEnvelope("invitee.created", { email: `other${i}@x.test` })),
    ]);
    await eventually("the worker's batch waiting on the lead", async () => (await waitingOnLocks()) > 0, 10_000);
    await worker.kill();
    expect(await t.db.webhookEvent.count({ where: { id: { in: ids }, status: "RECEIVED", attempts: 0 } })).toBe(10);

    const log = quietLogger();
    const other = startInboxDrainer({ pool: pool.pool, logger: log.logger, pollMs: 100 });
    try {
      await holder.query("COMMIT");
      await eventually(
        "the other worker mapping the batch",
        async () => (await t.db.webhookEvent.count({ where: { id: { in: ids }, status: "PROCESSED" } })) === 10,
        20_000,
      );
    } finally {
      await other.stop();
    }
    // By the other worker, once each: the killed worker's attempt left nothing behind.
    const batches = log.lines.filter((l) => l.msg === "inbox batch");
    expect(batches.reduce((n, l) => n + (l.processed as number), 0)).toBe(10);
    expect(await t.db.webhookEvent.count({ where: { id: { in: ids }, attempts: 1 } })).toBe(10);
    expect(await t.db.lead.count({ where: { clientId: ws.id } })).toBe(10);
    expect((await t.db.lead.findUniqueOrThrow({ where: { id: held.id } })).appointmentStatus).toBe("BOOKED");
  } finally {
    holder.release();
  }
}, 90_000);
