import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { signWebhook } from "@booking/calendly/webhooks";
import { createSecretBox, generateKey, type SecretBox, secretContext } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { createWebhooksServer, type WebhooksServer } from "./app.ts";
import { createSqlPool, drainInbox, type SqlPool } from "./services.ts";
import { captureLogger } from "./testing/log-capture.ts";
import { post, signedRequest } from "./testing/signed-request.ts";

let t: TestDatabase;
let secrets: SecretBox;
let app: WebhooksServer;
let url: string;
let pool: SqlPool;
const logs = captureLogger();
let ws: { id: string; key: string };
let other: { id: string; key: string };

async function workspace(name: string, withKey = true) {
  const c = await t.db.client.create({ data: { name }, select: { id: true } });
  const key = generateKey();
  if (withKey) {
    await t.db.client.update({
      where: { id: c.id },
      data: { calendlyWebhookSigningKeyEnc: secrets.encrypt(key, secretContext.calendlySigningKey(c.id)) },
    });
  }
  return { id: c.id, key };
}

beforeAll(async () => {
  t = await createTestDatabase();
  secrets = createSecretBox(generateKey());
  pool = createSqlPool({ url: t.url });
  app = createWebhooksServer({ sql: pool.sql, secrets, toleranceSeconds: 180, logger: logs.logger });
  url = await app.listen(0);
  ws = await workspace("Acme");
  other = await workspace("Other");
});
afterAll(async () => {
  await app?.close();
  await pool?.pool.end();
  await t?.drop();
});

const now = () => Math.floor(Date.now() / 1000);
/** The worker's step: map what the server stored. */
const drain = () => drainInbox({ sql: pool.sql });
const body = (email = "maria@x.test") => buildWebhookEnvelope("invitee.created", { email, name: "Maria Secret-Name" });

describe("signature check (one test per broken part)", () => {
  it("accepts a correctly signed delivery: 200 once stored (not mapped yet); mapped after the worker runs", async () => {
    const b = body("ok@x.test");
    const r = await post(url, ws.id, signedRequest({ body: b, signingKey: ws.key }));
    expect(r).toEqual({
      status: 200,
      body: { ok: true, eventId: expect.any(String), duplicate: false, status: "RECEIVED" },
    });
    const stored = await t.db.webhookEvent.findUniqueOrThrow({ where: { id: r.body!.eventId as string } });
    expect(stored).toMatchObject({ status: "RECEIVED", rawBody: JSON.stringify(b), source: "WEBHOOK" });
    expect(await t.db.lead.count({ where: { clientId: ws.id, email: "ok@x.test" } })).toBe(0);
    await drain();
    expect(await t.db.lead.findFirst({ where: { clientId: ws.id, email: "ok@x.test" } })).toMatchObject({
      appointmentStatus: "BOOKED",
    });
    const again = await post(url, ws.id, signedRequest({ body: b, signingKey: ws.key }));
    expect(again).toEqual({
      status: 200,
      body: { ok: true, eventId: r.body!.eventId, duplicate: true, status: "PROCESSED" },
    });
    expect((await t.db.webhookEvent.findUniqueOrThrow({ where: { id: stored.id } })).deliveryCount).toBe(2);
    expect((await t.db.client.findUniqueOrThrow({ where: { id: ws.id } })).calendlyLastWebhookAt).not.toBeNull();
  });

  const cases: Array<[string, () => ReturnType<typeof signedRequest>, string]> = [
    ["missing header", () => signedRequest({ body: body(), signingKey: ws.key, omitHeader: true }), "missing_header"],
    [
      "bad header format",
      () => signedRequest({ body: body(), signingKey: ws.key, header: "sha256=abc" }),
      "malformed_header",
    ],
    ["wrong key", () => signedRequest({ body: body(), signingKey: generateKey() }), "signature_mismatch"],
    [
      "tampered body",
      () =>
        signedRequest({
          body: body(),
          signingKey: ws.key,
          tamper: (raw) => raw.replace("maria@x.test", "mallory@x.test"),
        }),
      "signature_mismatch",
    ],
    [
      "stale timestamp",
      () => signedRequest({ body: body(), signingKey: ws.key, timestamp: now() - 181 }),
      "timestamp_out_of_tolerance",
    ],
    [
      "future timestamp",
      () => signedRequest({ body: body(), signingKey: ws.key, timestamp: now() + 181 }),
      "timestamp_out_of_tolerance",
    ],
    ["another workspace's key", () => signedRequest({ body: body(), signingKey: other.key }), "signature_mismatch"],
  ];
  it.each(cases)("%s → 401, nothing stored", async (_name, make, reason) => {
    const before = await t.db.webhookEvent.count();
    const r = await post(url, ws.id, make());
    expect(r).toEqual({ status: 401, body: expect.objectContaining({ ok: false, reason }) });
    expect(await t.db.webhookEvent.count()).toBe(before);
  });

  it("a rotated signing key is accepted at once, though keys are cached", async () => {
    const rot = await workspace("Rotating");
    expect((await post(url, rot.id, signedRequest({ body: body("r1@x.test"), signingKey: rot.key }))).status).toBe(200); // now cached
    const newKey = generateKey();
    await t.db.client.update({
      where: { id: rot.id },
      data: { calendlyWebhookSigningKeyEnc: secrets.encrypt(newKey, secretContext.calendlySigningKey(rot.id)) },
    });
    expect((await post(url, rot.id, signedRequest({ body: body("r2@x.test"), signingKey: newKey }))).status).toBe(200);
    expect(await t.db.webhookEvent.count({ where: { clientId: rot.id } })).toBe(2);
    // A wrong key is still refused after the fresh read.
    expect(await post(url, rot.id, signedRequest({ body: body("r3@x.test"), signingKey: generateKey() }))).toEqual({
      status: 401,
      body: expect.objectContaining({ reason: "signature_mismatch" }),
    });
  });

  it("workspace without a signing key → 401", async () => {
    const bare = await workspace("Bare", false);
    const r = await post(url, bare.id, signedRequest({ body: body(), signingKey: bare.key }));
    expect(r.status).toBe(401);
  });

  it("unknown workspace → 404", async () => {
    expect((await post(url, "no-such-workspace", signedRequest({ body: body(), signingKey: ws.key }))).status).toBe(
      404,
    );
    expect((await post(url, "x".repeat(300), signedRequest({ body: body(), signingKey: ws.key }))).status).toBe(404);
  });
});

describe("bodies", () => {
  it("not JSON → 400", async () => {
    const r = await post(url, ws.id, signedRequest({ body: "{not json", signingKey: ws.key }));
    expect(r).toEqual({ status: 400, body: expect.objectContaining({ ok: false }) });
  });

  it("JSON but not a Calendly event → 400", async () => {
    for (const b of [
      { hello: "world" },
      [1, 2],
      { event: "invitee.created", created_at: "yesterday", payload: {} },
      { event: "invitee.created", created_at: new Date().toISOString(), payload: { uri: "x" } },
    ]) {
      expect((await post(url, ws.id, signedRequest({ body: b, signingKey: ws.key }))).status).toBe(400);
    }
  });

  it("unknown but valid event → stored as IGNORED, 200", async () => {
    const b = {
      event: "routing_form_submission.created",
      created_at: new Date().toISOString(),
      created_by: "u",
      payload: { uri: "https://api.calendly.com/routing_form_submissions/abc" },
    };
    const r = await post(url, ws.id, signedRequest({ body: b, signingKey: ws.key }));
    expect(r).toEqual({ status: 200, body: expect.objectContaining({ ok: true, status: "RECEIVED" }) });
    await drain();
    expect(await t.db.webhookEvent.findUniqueOrThrow({ where: { id: r.body!.eventId as string } })).toMatchObject({
      status: "IGNORED",
      outcome: "unhandled_event",
    });
  });

  it("a lone surrogate or a NUL escaped in the body's strings: 200, stored exactly, then mapped clean", async () => {
    const raw = JSON.stringify(
      buildWebhookEnvelope("invitee.created", {
        email: "surrogate\u0000@x.test",
        name: "Lone \ud800 \u0000",
        scheduled_event: { name: "\udfff" },
      }),
    );
    expect(raw).toContain("\\ud800");
    const r = await post(url, ws.id, signedRequest({ body: raw, signingKey: ws.key }));
    expect(r.status).toBe(200);
    const stored = await t.db.webhookEvent.findUniqueOrThrow({ where: { id: r.body!.eventId as string } });
    expect(stored.rawBody).toBe(raw);
    await drain();
    expect(await t.db.webhookEvent.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      status: "PROCESSED",
    });
    expect(await t.db.lead.findFirstOrThrow({ where: { clientId: ws.id, email: "surrogate@x.test" } })).toMatchObject({
      name: "Lone \ufffd",
      appointmentEventName: "\ufffd",
    });
  });

  it("a signed body whose bytes are not UTF-8 → 400, nothing stored", async () => {
    const before = await t.db.webhookEvent.count();
    const json = Buffer.from(JSON.stringify(body("bytes@x.test")));
    const bytes = Buffer.concat([json.subarray(0, 30), Buffer.from([0xc3, 0x28, 0xff]), json.subarray(30)]);
    const res = await fetch(`${url}/webhooks/calendly/${ws.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "calendly-webhook-signature": signWebhook({ rawBody: bytes, signingKey: ws.key }),
      },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: "Body is not valid UTF-8" });
    expect(await t.db.webhookEvent.count()).toBe(before);
  });

  it("body over 1 MiB → 413, without reading it all", async () => {
    const big = JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) });
    const r = await post(url, ws.id, signedRequest({ body: big, signingKey: ws.key }));
    expect(r.status).toBe(413);
    // Chunked upload with no content-length: the cap applies while streaming.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("y".repeat(100 * 1024)));
        c.close();
      },
    });
    const res = await fetch(`${url}/webhooks/calendly/${ws.id}`, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("exactly 1 MiB is not rejected for its size", async () => {
    const base = JSON.stringify({ event: "x.y", created_at: new Date().toISOString(), payload: { uri: "u" }, pad: "" });
    const padded = base.replace('"pad":""', `"pad":"${"p".repeat(1024 * 1024 - base.length)}"`);
    expect(Buffer.byteLength(padded)).toBe(1024 * 1024);
    expect((await post(url, ws.id, signedRequest({ body: padded, signingKey: ws.key }))).status).toBe(200);
  });
});

describe("routes, health and logs", () => {
  it("GET /healthz → 200 {ok, db: up}; other routes 404/405", async () => {
    const h = await fetch(`${url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ ok: true, db: "up" });
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    expect((await fetch(`${url}/webhooks/calendly/${ws.id}`)).status).toBe(405);
  });

  it("logs one line per delivery with workspace, event, outcome, status and duration, and no personal data or secrets", async () => {
    const b = body("private.person@x.test");
    const req = signedRequest({ body: b, signingKey: ws.key });
    logs.lines.length = 0;
    logs.raw.length = 0;
    await post(url, ws.id, req);
    await new Promise((r) => setTimeout(r, 20));
    const deliveries = logs.lines.filter((l) => l.msg === "delivery");
    expect(deliveries).toEqual([
      expect.objectContaining({
        workspaceId: ws.id,
        event: "invitee.created",
        outcome: "stored",
        inboxStatus: "RECEIVED",
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
    const all = logs.raw.join("\n");
    for (const secret of [
      "private.person@x.test",
      "Maria Secret-Name",
      ws.key,
      req.headers["calendly-webhook-signature"]!,
      b.payload.uri,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
