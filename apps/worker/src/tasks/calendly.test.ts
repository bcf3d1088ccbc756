// The worker's Calendly tasks running in graphile-worker against a real PostgreSQL, with the fake
// Calendly (API and OAuth server) over msw: sub-minute health checks that reschedule themselves,
// self-healing of a disabled hook with its gap reconciled, reconnect-needed that stops the checks,
// and OAuth tokens renewed ahead of expiry.
import {
  completeCalendlyOAuth,
  ensureCalendlySubscription,
  startCalendlyOAuth,
  updateCalendlyIntegration,
} from "@booking/api/services";
import { createCalendlyClientFactory, createCalendlyOAuthClient } from "@booking/calendly";
import { calendlyHandlers, createFakeCalendly, type FakeCalendly } from "@booking/calendly/testing";
import { createSecretBox, generateKey } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { setupServer } from "msw/node";
import pg from "pg";
import { createLogger } from "../logger.ts";
import { type RunningWorker, startWorker, type WorkerDeps } from "../worker.ts";

const API = "https://api.calendly.com";
const AUTH = "https://auth.calendly.com";
const APP = { clientId: "worker-test-client", clientSecret: "worker-test-secret" };
const HOOKS = "https://hooks.worker.test";

let database: TestDatabase;
let pool: pg.Pool;
let fake: FakeCalendly;
const server = setupServer(
  ...calendlyHandlers(
    { handle: (r: Request, o?: { basePath?: string }) => fake.handle(r, o) } as FakeCalendly,
    API,
    AUTH,
  ),
);
const secrets = createSecretBox(generateKey());
const calendlyFor = createCalendlyClientFactory({ baseUrl: API, maxRetries: 0, timeoutMs: 2_000 });
const oauth = createCalendlyOAuthClient({ ...APP, authBaseUrl: AUTH });

beforeAll(async () => {
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (!["127.0.0.1", "localhost"].includes(new URL(request.url).hostname)) print.error();
    },
  });
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  pool.on("error", () => undefined);
});
afterAll(async () => {
  server.close();
  await pool.end();
  await database.drop();
});

let worker: RunningWorker | undefined;
beforeEach(() => {
  fake = createFakeCalendly();
  fake.oauth.registerClient(APP);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  // Each test starts from an empty queue.
  await pool.query("delete from graphile_worker._private_jobs");
  await database.db.client.deleteMany({});
});

const services = () => ({
  db: database.db,
  secrets,
  calendlyFor,
  oauth,
  clock: () => new Date(),
  publicWebhookBaseUrl: HOOKS,
  actor: "test",
});

function deps(healthIntervalSeconds: number): WorkerDeps {
  return {
    db: database.db,
    pool,
    secrets,
    calendlyFor,
    oauth,
    logger: createLogger({ level: "silent" }),
    clock: () => new Date(),
    settings: { healthIntervalSeconds, inboxRetentionDays: 90, concurrency: 2, publicWebhookBaseUrl: HOOKS },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A workspace booking through Calendly with a personal access token and an active subscription. */
async function subscribedWorkspace() {
  const { id } = await database.db.client.create({
    data: { name: `ws ${Math.random()}`, settings: { create: {} } },
    select: { id: true },
  });
  const token = `pat_worker_${Math.random().toString(36).slice(2)}_0000`;
  const account = fake.addAccount({ token });
  const eventTypeUri = `${API}/event_types/et-${Math.random().toString(36).slice(2, 10)}`;
  await updateCalendlyIntegration(services(), id, { token });
  await updateCalendlyIntegration(services(), id, {
    provider: "CALENDLY",
    eventTypeLink: "https://calendly.com/acme/intro",
    eventTypeUri,
  });
  const sub = await ensureCalendlySubscription(services(), id);
  return { id, token, account, eventTypeUri, subscriptionUri: sub.uri! };
}

const checksOf = (uri: string) =>
  fake.requests.filter((r) => r.method === "GET" && r.path === `/webhook_subscriptions/${uri.split("/").at(-1)}`)
    .length;

it("checks each watched workspace every interval, below a minute (the job reschedules itself)", async () => {
  const ws = await subscribedWorkspace();
  fake.reset();
  const started = Date.now();
  worker = await startWorker(deps(1));
  await until("the first check", async () => checksOf(ws.subscriptionUri) >= 1);
  const first = Date.now();
  await sleep(3_200);
  const checks = checksOf(ws.subscriptionUri);
  // At start (the sweep adds it), then once a second: not a hot loop, not once a minute.
  expect(checks).toBeGreaterThanOrEqual(3);
  expect(checks).toBeLessThanOrEqual(5);
  expect(first - started).toBeLessThan(5_000);
  // One job per workspace, scheduled about one interval ahead.
  const { rows } = await pool.query<{ key: string; run_at: Date }>(
    "select key, run_at from graphile_worker.jobs where task_identifier = 'calendly-health'",
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]!.key).toBe(`calendly-health:${ws.id}`);
  expect(rows[0]!.run_at.getTime() - Date.now()).toBeLessThanOrEqual(1_100);
});

it("replaces a disabled hook within one interval and reconciles the booking Calendly never delivered", async () => {
  const ws = await subscribedWorkspace();
  worker = await startWorker(deps(1));
  fake.disableSubscription(ws.subscriptionUri, new Date(Date.now() - 60 * 60_000));
  const booked = fake.addScheduledEvent({
    user: ws.account.userUri,
    start_time: new Date(Date.now() + 24 * 60 * 60_000),
    event_type: ws.eventTypeUri,
    invitees: [{ email: "never.delivered@lead.test", name: "Never Delivered" }],
  });

  const reconciled = await until("the reconciliation", () =>
    database.db.integrationEvent.findFirst({ where: { clientId: ws.id, kind: "RECONCILED" } }),
  );
  expect(reconciled).toMatchObject({ actor: "worker", recovered: 1 });
  expect(fake.subscriptions).toHaveLength(1);
  expect(fake.subscriptions[0]).toMatchObject({ state: "active" });
  expect(fake.subscriptions[0]!.uri).not.toBe(ws.subscriptionUri);
  const row = await database.db.client.findUniqueOrThrow({ where: { id: ws.id } });
  expect(row.calendlyWebhookSubscriptionUri).toBe(fake.subscriptions[0]!.uri);
  expect(await database.db.integrationEvent.count({ where: { clientId: ws.id, kind: "SUBSCRIPTION_REPAIRED" } })).toBe(
    1,
  );
  const inbox = await database.db.webhookEvent.findMany({ where: { clientId: ws.id } });
  expect(inbox).toEqual([
    expect.objectContaining({ source: "RECONCILIATION", inviteeUri: booked.invitees[0], eventName: "invitee.created" }),
  ]);
});

it("stops checking a workspace whose token Calendly refuses (RECONNECT_NEEDED)", async () => {
  const ws = await subscribedWorkspace();
  fake.revokeToken(ws.token);
  worker = await startWorker(deps(1));
  await until("reconnect needed", async () => {
    const row = await database.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    return row.calendlyConnectionStatus === "RECONNECT_NEEDED";
  });
  await sleep(300);
  const calls = fake.requests.length;
  await sleep(2_500);
  expect(fake.requests.length).toBe(calls);
  const { rows } = await pool.query("select 1 from graphile_worker.jobs where task_identifier = 'calendly-health'");
  expect(rows).toHaveLength(0);
});

it("renews an OAuth token ahead of its expiry (one /oauth/token request)", async () => {
  const { id } = await database.db.client.create({
    data: { name: "oauth ws", members: { create: [{ email: "a@x.test", role: "ADMIN" }] } },
    select: { id: true },
  });
  fake.addAccount({ token: "pat-of-consenting-user-000000" });
  const actor = { kind: "user" as const, email: "a@x.test" };
  const redirectUri = "https://crm.test/callback";
  const start = await startCalendlyOAuth(services(), { actor, workspaceId: id, redirectUri });
  if (!start.ok) throw new Error(start.message);
  const done = await completeCalendlyOAuth(services(), {
    actor,
    params: new URL(fake.oauth.consent(start.authorizationUrl)).searchParams,
    redirectUri,
  });
  expect(done.ok).toBe(true);
  // Five minutes left: within the worker's ten-minute window.
  await database.db.client.update({
    where: { id },
    data: { calendlyAccessTokenExpiresAt: new Date(Date.now() + 5 * 60_000) },
  });
  fake.reset();
  worker = await startWorker(deps(60));
  const refreshed = await until("the refresh", () =>
    database.db.integrationEvent.findFirst({ where: { clientId: id, kind: "TOKEN_REFRESHED" } }),
  );
  expect(refreshed?.actor).toBe("worker");
  expect(fake.oauth.tokenRequests).toBe(1);
  const row = await database.db.client.findUniqueOrThrow({ where: { id } });
  expect(row.calendlyAccessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 110 * 60_000);
});

it("picks up a workspace enabled while the worker runs within an interval (the sweep reschedules itself)", async () => {
  worker = await startWorker(deps(1));
  await sleep(500);
  const ws = await subscribedWorkspace();
  fake.reset();
  await until("the first check of the new workspace", async () => checksOf(ws.subscriptionUri) >= 1, 4_000);
});
