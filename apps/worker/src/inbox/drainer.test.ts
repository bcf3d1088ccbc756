import { createSqlPool, type SqlPool } from "@booking/api/services/webhooks";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { buildWebhookEnvelope, createWorkspace, eventually, quietLogger, store } from "../testing/inbox.ts";
import { INBOX_CHANNEL, startInboxDrainer } from "./drainer.ts";

let t: TestDatabase;
let pool: SqlPool;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = createSqlPool({ url: t.url, max: 6 });
});
afterAll(async () => {
  await pool?.pool.end();
  await t?.drop();
});

const listening = async () => {
  const { rows } = await pool.pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
    [`LISTEN ${INBOX_CHANNEL}`],
  );
  return rows as Array<{ pid: number }>;
};
const status = async (id: string) => (await t.db.webhookEvent.findUniqueOrThrow({ where: { id } })).status;

it("maps a stored delivery as soon as the insert's notification arrives, without waiting for the poll", async () => {
  const ws = await createWorkspace(t.db);
  const drainer = startInboxDrainer({ pool: pool.pool, logger: quietLogger().logger, pollMs: 60_000 });
  try {
    await eventually("the LISTEN connection", async () => (await listening()).length === 1);
    const started = Date.now();
    const [id] = await store(pool.sql, ws.id, [buildWebhookEnvelope("invitee.created", { email: "now@x.test" })]);
    await eventually("the delivery mapped", async () => (await status(id!)) === "PROCESSED", 5_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  } finally {
    await drainer.stop();
  }
  expect(await listening()).toEqual([]);
});

it("keeps mapping by polling when its LISTEN connection is lost, and listens again", async () => {
  const ws = await createWorkspace(t.db);
  const drainer = startInboxDrainer({ pool: pool.pool, logger: quietLogger().logger, pollMs: 200 });
  try {
    await eventually("the LISTEN connection", async () => (await listening()).length === 1);
    const [{ pid }] = (await listening()) as [{ pid: number }];
    await pool.pool.query(`SELECT pg_terminate_backend($1)`, [pid]);
    const [id] = await store(pool.sql, ws.id, [buildWebhookEnvelope("invitee.created", { email: "poll@x.test" })]);
    await eventually("the delivery mapped by the poll", async () => (await status(id!)) === "PROCESSED", 5_000);
    await eventually("a new LISTEN connection", async () => (await listening()).some((l) => l.pid !== pid), 15_000);
  } finally {
    await drainer.stop();
  }
});

it("stop() finishes the batch in hand", async () => {
  const ws = await createWorkspace(t.db);
  const lead = await t.db.lead.create({ data: { clientId: ws.id, name: "Held", email: "held@x.test" } });
  const holder = await pool.pool.connect();
  const drainer = startInboxDrainer({ pool: pool.pool, logger: quietLogger().logger, pollMs: 100 });
  let stopped = false;
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Lead" WHERE id = $1 FOR UPDATE`, [lead.id]);
    const [id] = await store(pool.sql, ws.id, [buildWebhookEnvelope("invitee.created", { email: "held@x.test" })]);
    // The drainer's batch waits for the lead's lock.
    await eventually("the batch waiting on the lead", async () => {
      const { rows } = await pool.pool.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows.length > 0;
    });
    const stopping = drainer.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    await holder.query("COMMIT");
    await stopping;
    expect(await status(id!)).toBe("PROCESSED");
    expect((await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).appointmentStatus).toBe("BOOKED");
  } finally {
    holder.release();
    await drainer.stop();
  }
});
