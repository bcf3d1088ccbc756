// PostgreSQL stopped for 5 s under load, then started again: the webhooks server answers 503
// meanwhile (never 500), and every delivery it answered 2xx ends mapped by the worker: none lost.
import { createSqlPool, type SqlPool } from "@booking/api/services/webhooks";
import { createDb, type Db } from "@booking/db";
import { createDatabase, migrate, type PostgresCluster, startPostgres } from "@booking/db/testing";
import {
  buildWebhookEnvelope,
  CREDENTIALS_KEY,
  createWorkspace,
  eventually,
  post,
  quietLogger,
} from "../testing/inbox.ts";
import { type Process, startWebhooksServer } from "../testing/processes.ts";
import { type InboxDrainer, startInboxDrainer } from "./drainer.ts";

let pg: PostgresCluster;
let db: Db;
let server: Process & { url: string };
let pool: SqlPool;
let drainer: InboxDrainer;

beforeAll(async () => {
  pg = await startPostgres();
  const url = await createDatabase(pg.url("postgres"), "app");
  migrate(url);
  db = createDb({ url, max: 4, connectionTimeoutMillis: 2_000 });
  server = await startWebhooksServer({ databaseUrl: url, credentialsKey: CREDENTIALS_KEY });
  pool = createSqlPool({ url, max: 4, connectionTimeoutMillis: 2_000 });
  drainer = startInboxDrainer({ pool: pool.pool, logger: quietLogger().logger, pollMs: 250 });
}, 60_000);
afterAll(async () => {
  await drainer?.stop();
  await pool?.pool.end().catch(() => {});
  await server?.stop();
  await db?.$disconnect().catch(() => {});
  await pg?.stop();
});

it("every delivery answered 2xx before, during or after a 5 s outage ends mapped", async () => {
  const ws = await createWorkspace(db);
  const answered = new Map<string, number>(); // email -> last status
  let running = true;
  let n = 0;
  const sender = async () => {
    while (running) {
      const email = `load${n++}@x.test`;
      const status = await post(server.url, ws, buildWebhookEnvelope("invitee.created", { email }));
      answered.set(email, status);
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const senders = Array.from({ length: 6 }, sender);

  await new Promise((r) => setTimeout(r, 1_500));
  await pg.pause();
  await new Promise((r) => setTimeout(r, 5_000));
  await pg.resume();
  await new Promise((r) => setTimeout(r, 2_500));
  running = false;
  await Promise.all(senders);

  const statuses = [...answered.values()];
  const ok = [...answered].filter(([, s]) => s === 200).map(([email]) => email);
  // Only 200 and 503 (or a refused connection while the server waited for the database): never a 500.
  expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 0)).toEqual([]);
  expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
  expect(ok.length).toBeGreaterThan(20);

  await eventually(
    "every accepted delivery mapped",
    async () => (await db.webhookEvent.count({ where: { clientId: ws.id, status: { not: "PROCESSED" } } })) === 0,
    30_000,
  );
  const leads = await db.lead.findMany({ where: { clientId: ws.id, email: { in: ok } }, select: { email: true } });
  expect(leads.map((l) => l.email).sort()).toEqual([...ok].sort());
  expect(
    await db.webhookEvent.count({ where: { clientId: ws.id, status: "PROCESSED", attempts: 1 } }),
  ).toBeGreaterThanOrEqual(ok.length);
}, 120_000);
