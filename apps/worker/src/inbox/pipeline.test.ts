// The whole path on one PostgreSQL: two webhooks servers (real processes) store, two inbox
// drainers (two workers) map. Every delivery is sent 10 times at once, across both servers;
// reschedules arrive in both orders. Exactly one effect each, final states as SPEC section 4.
import { createSqlPool, type SqlPool } from "@booking/api/services/webhooks";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
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

let t: TestDatabase;
let servers: Array<Process & { url: string }> = [];
const pools: SqlPool[] = [];
const drainers: InboxDrainer[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  servers = await Promise.all(
    [0, 1].map(() => startWebhooksServer({ databaseUrl: t.url, credentialsKey: CREDENTIALS_KEY })),
  );
  for (let i = 0; i < 2; i++) {
    const pool = createSqlPool({ url: t.url, max: 4 });
    pools.push(pool);
    drainers.push(startInboxDrainer({ pool: pool.pool, logger: quietLogger().logger, batchSize: 16 }));
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(drainers.map((d) => d.stop()));
  await Promise.all(pools.map((p) => p.pool.end()));
  await Promise.all(servers.map((s) => s.stop()));
  await t?.drop();
});

const at = (iso: string) => ({ created_at: iso });
const T1 = "2026-05-12T15:00:00.000Z";
const T2 = "2026-05-12T16:00:00.000Z";
const T3 = "2026-05-12T17:00:00.000Z";
const NEW_START = "2026-06-01T10:00:00.000Z";

/** Ten copies at once, spread over both servers; every answer must be 200. */
async function sendTenTimes(ws: { id: string; signingKey: string }, body: unknown) {
  const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => post(servers[i % 2]!.url, ws, body)));
  expect(statuses).toEqual(Array(10).fill(200));
}

type Reschedule = {
  email: string;
  original: ReturnType<typeof buildWebhookEnvelope>;
  canceled: unknown;
  created: ReturnType<typeof buildWebhookEnvelope>;
};

function reschedule(i: number, cancelAt: string, createAt: string): Reschedule {
  const email = `move${i}@x.test`;
  const original = buildWebhookEnvelope("invitee.created", { email }, at(T1));
  const created = buildWebhookEnvelope(
    "invitee.created",
    {
      email,
      old_invitee: original.payload.uri,
      scheduled_event: { start_time: NEW_START, end_time: "2026-06-01T10:30:00.000Z" },
    },
    at(createAt),
  );
  const canceled = buildWebhookEnvelope(
    "invitee.canceled",
    { uri: original.payload.uri, email, rescheduled: true, new_invitee: created.payload.uri },
    at(cancelAt),
  );
  return { email, original, canceled, created };
}

it("two servers and two workers: each delivery sent 10 times has exactly one effect; reschedules end BOOKED in either order", async () => {
  const ws = await createWorkspace(t.db);
  const bookings = Array.from({ length: 12 }, (_, i) =>
    buildWebhookEnvelope("invitee.created", { email: `book${i}@x.test` }, at(T1)),
  );
  const canceledLater = bookings
    .slice(0, 3)
    .map((b) => buildWebhookEnvelope("invitee.canceled", { uri: b.payload.uri, email: b.payload.email }, at(T2)));
  const moves = [
    reschedule(0, T2, T2),
    reschedule(1, T3, T2),
    reschedule(2, T2, T3),
    reschedule(3, T2, T2),
    reschedule(4, T3, T2),
    reschedule(5, T2, T3),
  ];

  await Promise.all([...bookings, ...moves.map((m) => m.original)].map((b) => sendTenTimes(ws, b)));
  await Promise.all([
    ...canceledLater.map((b) => sendTenTimes(ws, b)),
    // Reschedules 0-2: cancel first, then the new booking; 3-5: the new booking first.
    ...moves.map(async (m, i) => {
      const [first, second] = i < 3 ? [m.canceled, m.created] : [m.created, m.canceled];
      await sendTenTimes(ws, first);
      await sendTenTimes(ws, second);
    }),
  ]);

  const unique = bookings.length + canceledLater.length + moves.length * 3;
  await eventually(
    "every delivery mapped",
    async () => (await t.db.webhookEvent.count({ where: { clientId: ws.id, status: "PROCESSED" } })) === unique,
    30_000,
  );
  const rows = await t.db.webhookEvent.findMany({ where: { clientId: ws.id } });
  expect(rows).toHaveLength(unique);
  expect(rows.every((r) => r.deliveryCount === 10 && r.attempts === 1 && r.status === "PROCESSED")).toBe(true);

  const leads = await t.db.lead.findMany({ where: { clientId: ws.id } });
  expect(leads).toHaveLength(bookings.length + moves.length);
  const byEmail = new Map(leads.map((l) => [l.email, l]));
  bookings.forEach((b, i) => {
    expect(byEmail.get(b.payload.email)).toMatchObject({
      appointmentStatus: i < 3 ? "CANCELED" : "BOOKED",
      calendlyInviteeUri: b.payload.uri,
    });
  });
  for (const m of moves) {
    const l = byEmail.get(m.email)!;
    expect(l).toMatchObject({ appointmentStatus: "BOOKED", calendlyInviteeUri: m.created.payload.uri });
    expect(l.appointmentStartAt?.toISOString()).toBe(NEW_START);
    // One effect per delivery: the lead's timeline has each of its three deliveries once.
    const timeline = rows.filter((r) => r.leadId === l.id);
    expect(timeline.map((r) => r.eventName).sort()).toEqual(["invitee.canceled", "invitee.created", "invitee.created"]);
  }
}, 120_000);
