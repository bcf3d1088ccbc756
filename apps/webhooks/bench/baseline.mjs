// The bench's reference point: a bare node:http + pg handler doing the same signature verification
// (HMAC-SHA256 of "t.body", constant-time, tolerance) and ONE durable INSERT ... ON CONFLICT of
// the delivery into the same inbox table.
// env: DATABASE_URL, PORT, WORKSPACE_ID, SIGNING_KEY, POOL_SIZE
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const { DATABASE_URL, PORT, WORKSPACE_ID, SIGNING_KEY } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 20) });
const TOLERANCE = 180;

function verify(header, body) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!m) return false;
  if (Math.abs(Math.floor(Date.now() / 1000) - Number(m[1])) > TOLERANCE) return false;
  const expected = createHmac("sha256", SIGNING_KEY).update(`${m[1]}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], "hex"));
}

const server = createServer((req, res) => {
  const chunks = [];
  let size = 0;
  req.on("data", (c) => {
    size += c.length;
    if (size <= 1024 * 1024) chunks.push(c);
  });
  req.on("end", async () => {
    if (size > 1024 * 1024) return void res.writeHead(413).end();
    const bytes = Buffer.concat(chunks);
    if (!verify(req.headers["calendly-webhook-signature"], bytes)) return void res.writeHead(401).end();
    const body = bytes.toString("utf8");
    let env;
    try {
      env = JSON.parse(body);
    } catch {
      return void res.writeHead(400).end();
    }
    try {
      await pool.query(
        `INSERT INTO "WebhookEvent" (id, "clientId", "eventName", "idempotencyKey", "inviteeUri", "rawBody", "receivedAt")
         VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT ("clientId", "idempotencyKey") DO NOTHING`,
        [randomUUID(), WORKSPACE_ID, env.event, `${env.event}:${env.payload?.uri}`, env.payload?.uri ?? null, body],
      );
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    } catch {
      res.writeHead(503).end();
    }
  });
});
server.listen(Number(PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
