// Property test: whatever a sender posts, signed or not, the answer is never a 5xx (503 is only
// for an unavailable database, which does not happen here) and the handler never throws (= 500).
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { signWebhook } from "@booking/calendly/webhooks";
import { createSecretBox, generateKey, type SecretBox, secretContext } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import fc from "fast-check";
import { handleCalendlyDelivery } from "./handler.ts";
import { createSqlPool } from "./pg-pool.ts";

let t: TestDatabase;
let secrets: SecretBox;
let workspaceId: string;
let pool: ReturnType<typeof createSqlPool>;
const key = generateKey();

beforeAll(async () => {
  t = await createTestDatabase();
  secrets = createSecretBox(generateKey());
  pool = createSqlPool({ url: t.url });
  const c = await t.db.client.create({ data: { name: "Fuzz" }, select: { id: true } });
  workspaceId = c.id;
  await t.db.client.update({
    where: { id: c.id },
    data: { calendlyWebhookSigningKeyEnc: secrets.encrypt(key, secretContext.calendlySigningKey(c.id)) },
  });
});
afterAll(async () => {
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

const mutatedEnvelope = fc
  .record({
    event: fc.constantFrom(...EVENTS),
    emailLocal: fc.string({ minLength: 0, maxLength: 12 }),
    utmContent: fc.option(fc.string({ maxLength: 30 })),
    mutations: fc.array(
      fc.record({ path: fc.constantFrom(...PATHS), value: fc.jsonValue({ maxDepth: 2 }), remove: fc.boolean() }),
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

const anyBody = fc.oneof(
  { weight: 3, arbitrary: mutatedEnvelope },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 100 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: mutatedEnvelope.chain((s) => fc.nat({ max: Math.max(0, s.length - 1) }).map((cut) => s.slice(0, cut))),
  },
);

const anyHeader = (rawBody: string) =>
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
        const r = await handleCalendlyDelivery(
          { db: t.db, sql: pool.sql, secrets, toleranceSeconds: 180 },
          { workspaceId: ws, signatureHeader: header, rawBody },
        );
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        expect([200, 400, 401, 404]).toContain(r.status);
        expect(JSON.stringify(r.log)).not.toContain("@fuzz.test");
      },
    ),
    { numRuns: 2000 },
  );
  // The run exercised every answer, including accepted deliveries that reached the mapper.
  expect([...seen.keys()].sort()).toEqual([200, 400, 401, 404]);
  expect(seen.get(200)!).toBeGreaterThan(20);
}, 120_000);
