// The database goes away mid-test: the server answers 503 (so Calendly retries), never 500, and
// once PostgreSQL is back the retried delivery is stored and then mapped: nothing lost.
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { createDb, createSecretBox, type Db, generateKey, secretContext } from "@booking/db";
import { createDatabase, migrate, type PostgresCluster, startPostgres } from "@booking/db/testing";
import { createWebhooksServer, type WebhooksServer } from "./app.ts";
import { createSqlPool, drainInbox, type SqlPool } from "./services.ts";
import { captureLogger } from "./testing/log-capture.ts";
import { post, signedRequest } from "./testing/signed-request.ts";

let pg: PostgresCluster;
let db: Db;
let app: WebhooksServer;
let url: string;
let pool: SqlPool;
const secrets = createSecretBox(generateKey());
const key = generateKey();
let workspaceId: string;

beforeAll(async () => {
  pg = await startPostgres();
  const dbUrl = await createDatabase(pg.url("postgres"), "app");
  migrate(dbUrl);
  db = createDb({ url: dbUrl, max: 5, connectionTimeoutMillis: 2_000 });
  const c = await db.client.create({ data: { name: "Acme" }, select: { id: true } });
  workspaceId = c.id;
  await db.client.update({
    where: { id: c.id },
    data: { calendlyWebhookSigningKeyEnc: secrets.encrypt(key, secretContext.calendlySigningKey(c.id)) },
  });
  pool = createSqlPool({ url: dbUrl, max: 5, connectionTimeoutMillis: 2_000 });
  app = createWebhooksServer({ sql: pool.sql, secrets, toleranceSeconds: 180, logger: captureLogger().logger });
  url = await app.listen(0);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.$disconnect().catch(() => {});
  await pool?.pool.end().catch(() => {});
  await pg?.stop();
});

it("answers 503 while PostgreSQL is stopped and loses nothing after it restarts", async () => {
  const first = buildWebhookEnvelope("invitee.created", { email: "before@x.test" });
  expect((await post(url, workspaceId, signedRequest({ body: first, signingKey: key }))).status).toBe(200);

  await pg.pause();
  const during = buildWebhookEnvelope("invitee.created", { email: "during@x.test" });
  const attempts = await Promise.all(
    [0, 1, 2].map(() => post(url, workspaceId, signedRequest({ body: during, signingKey: key }))),
  );
  expect(attempts.map((a) => a.status)).toEqual([503, 503, 503]);
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ ok: false, db: "down" });

  await pg.resume();
  // Calendly's retry of the same delivery.
  let retry = await post(url, workspaceId, signedRequest({ body: during, signingKey: key }));
  for (let i = 0; i < 20 && retry.status === 503; i++) {
    await new Promise((r) => setTimeout(r, 250));
    retry = await post(url, workspaceId, signedRequest({ body: during, signingKey: key }));
  }
  expect(retry).toEqual({
    status: 200,
    body: expect.objectContaining({ ok: true, duplicate: false, status: "RECEIVED" }),
  });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  await drainInbox({ sql: pool.sql });
  const events = await db.webhookEvent.findMany({ select: { status: true, deliveryCount: true } });
  expect(events).toEqual([
    { status: "PROCESSED", deliveryCount: 1 },
    { status: "PROCESSED", deliveryCount: 1 },
  ]);
  expect(await db.lead.count({ where: { email: { in: ["before@x.test", "during@x.test"] } } })).toBe(2);
}, 60_000);
