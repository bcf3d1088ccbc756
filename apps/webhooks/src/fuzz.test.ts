// Property test: whatever a sender posts, signed or not, the answer is never a 5xx (503 is only
// for an unavailable database, which does not happen here) and the handler never throws (= 500);
// and whatever was accepted, the worker maps without a database error. Bodies include strings
// PostgreSQL's json and text refuse (lone surrogates, NUL) and bytes that are not UTF-8.
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { signWebhook } from "@booking/calendly/webhooks";
import { createSecretBox, generateKey, type SecretBox, secretContext } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import fc from "fast-check";
import { createDeliveryHandler, type DeliveryHandler } from "./handler.ts";
import { createSqlPool, drainInbox, type SqlPool } from "./services.ts";

let t: TestDatabase;
let secrets: SecretBox;
let workspaceId: string;
let pool: SqlPool;
let handler: DeliveryHandler;
const key = generateKey();

beforeAll(async () => {
  t = await createTestDatabase();
  secrets = createSecretBox(generateKey());
  pool = createSqlPool({ url: t.url });
  handler = createDeliveryHandler({ sql: pool.sql, secrets, toleranceSeconds: 180 });
  const c = await t.db.client.create({ data: { name: "Fuzz" }, select: { id: true } });
  workspaceId = c.id;
  await t.db.client.update({
    where: { id: c.id },
    data: { calendlyWebhookSigningKeyEnc: secrets.encrypt(key, secretContext.calendlySigningKey(c.id)) },
  });
});
afterAll(async () => {
  await handler?.close();
  await pool?.pool.end();
  await t?.drop();
});

const EVENTS = [
  "invitee.created",
  "invitee.canceled",
  "invitee_no_show.created",
  "invitee_no_show.deleted",
  "routing_form_submission.created",
  "",
];
const PATHS = [
  ["event"],
  ["created_at"],
  ["payload"],
  ["payload", "uri"],
  ["payload", "email"],
  ["payload", "name"],
  ["payload", "status"],
  ["payload", "rescheduled"],
  ["payload", "old_invitee"],
  ["payload", "new_invitee"],
  ["payload", "tracking"],
  ["payload", "tracking", "utm_content"],
  ["payload", "cancellation"],
  ["payload", "no_show"],
  ["payload", "scheduled_event"],
  ["payload", "scheduled_event", "start_time"],
  ["payload", "scheduled_event", "end_time"],
  ["payload", "scheduled_event", "uri"],
  ["payload", "created_at"],
  ["payload", "event"],
];

function mutate(obj: Record<string, unknown>, path: string[], value: unknown, remove: boolean) {
  let cur: Record<string, unknown> = obj;
  for (const p of path.slice(0, -1)) {
    const next = cur[p];
    if (!next || typeof next !== "object") return;
    cur = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete cur[last];
  else cur[last] = value;
}

/** Strings PostgreSQL refuses inside json/jsonb (lone surrogates, NUL) or text (NUL), mixed with ordinary text. */
const dirtyString = fc
  .array(
    fc.oneof(fc.constantFrom("\ud800", "\udfff", "\ud83d", "\u0000", "\ud83d\ude00"), fc.string({ maxLength: 4 })),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(""));

const mutatedEnvelope = fc
  .record({
    event: fc.constantFrom(...EVENTS),
    emailLocal: fc.oneof(fc.string({ minLength: 0, maxLength: 12 }), dirtyString),
    utmContent: fc.option(fc.oneof(fc.string({ maxLength: 30 }), dirtyString)),
    mutations: fc.array(
      fc.record({
        path: fc.constantFrom(...PATHS),
        value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), dirtyString),
        remove: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    createdAt: fc.date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    }),
  })
  .map(({ event, emailLocal, utmContent, mutations, createdAt }) => {
    const env = buildWebhookEnvelope(
      event,
      { email: `${emailLocal}@fuzz.test`, tracking: { utm_content: utmContent } },
      { created_at: createdAt.toISOString() },
    ) as unknown as Record<string, unknown>;
    for (const m of mutations) mutate(env, m.path, m.value, m.remove);
    return JSON.stringify(env);
  });

const utf8 = (s: string) => Buffer.from(s, "utf8");

/** The bytes a sender posts. */
const anyBody = fc.oneof(
  { weight: 4, arbitrary: mutatedEnvelope.map(utf8) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map(utf8) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 100 }).map(utf8) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => utf8(JSON.stringify(v))) },
  {
    weight: 1,
    arbitrary: mutatedEnvelope.chain((s) =>
      fc.nat({ max: Math.max(0, s.length - 1) }).map((cut) => utf8(s.slice(0, cut))),
    ),
  },
  // Not UTF-8: random bytes, or a valid envelope with bytes that are not UTF-8 spliced in.
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(mutatedEnvelope, fc.nat(), fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82]))
      .map(([s, at, bad]) => {
        const b = utf8(s);
        const cut = at % Math.max(1, b.length);
        return Buffer.concat([b.subarray(0, cut), Buffer.from(bad), b.subarray(cut)]);
      }),
  },
);

const anyHeader = (rawBody: Buffer) =>
  fc.oneof(
    fc.constant(signWebhook({ rawBody, signingKey: key })),
    fc.constant(signWebhook({ rawBody, signingKey: key })),
    fc.constant(undefined),
    fc.string({ maxLength: 120 }),
    fc
      .integer({ min: -10_000, max: 10_000 })
      .map((skew) => signWebhook({ rawBody, signingKey: key, timestamp: Math.floor(Date.now() / 1000) + skew })),
    fc.stringMatching(/^t=\d{0,14},v1=[0-9a-f]{0,70}$/),
  );

it("never answers 5xx and never throws, for thousands of signed and unsigned random bodies", async () => {
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      anyBody.chain((rawBody) => anyHeader(rawBody).map((header) => ({ rawBody, header }))),
      fc.constantFrom(workspaceId, workspaceId, workspaceId, "unknown", "", "../../etc", "%00"),
      async ({ rawBody, header }, ws) => {
        const r = await handler.handle({ workspaceId: ws, signatureHeader: header, body: rawBody });
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        expect([200, 400, 401, 404]).toContain(r.status);
        expect(JSON.stringify(r.log)).not.toContain("@fuzz.test");
      },
    ),
    { numRuns: 2000 },
  );
  // The run exercised every answer, including accepted deliveries.
  expect([...seen.keys()].sort()).toEqual([200, 400, 401, 404]);
  expect(seen.get(200)!).toBeGreaterThan(20);
  // Everything accepted maps without a database error: nothing is left FAILED or waiting for a retry.
  const mapped = await drainInbox({ sql: pool.sql });
  expect(mapped).toMatchObject({ retrying: 0, failed: 0 });
  const rows = await t.db.webhookEvent.groupBy({ by: ["status"], _count: true });
  expect(rows.map((r) => r.status).sort()).toEqual(["IGNORED", "PROCESSED"]);
}, 180_000);
