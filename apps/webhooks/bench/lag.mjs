// Delivery -> lead state visible, with the worker running: signed invitee.created deliveries of new
// people sent at a steady rate (open loop: the rate does not wait for answers) to the webhooks
// server, and, on one pg connection, the committed Lead rows polled for the deliveries answered
// 200 and not yet seen (`WHERE "calendlyInviteeUri" = ANY($1)`, the unique index: what leads.get
// reads), every 2 ms. Lag = end of the poll that first sees the lead - the delivery's 200: an upper
// bound (the lead may have become visible up to one poll interval and one poll earlier).
// argv: <baseUrl> <workspaceId> <signingKey> <databaseUrl> <rate/s> <seconds> <warm-up seconds>
// Prints one JSON line.
import { createHmac, randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import pg from "pg";

const [baseUrl, workspaceId, signingKey, databaseUrl, rateArg = "1000", secondsArg = "10", warmArg = "2"] =
  process.argv.slice(2);
const RATE = Number(rateArg);
const SECONDS = Number(secondsArg);
const WARM = Number(warmArg);
const GRACE_MS = 5_000;
const url = new URL(`${baseUrl}/webhooks/calendly/${workspaceId}`);
const agent = new Agent({ keepAlive: true, maxSockets: 128 });
const now = () => performance.timeOrigin + performance.now();

function delivery(i) {
  const eventUri = `https://api.calendly.com/scheduled_events/${randomUUID()}`;
  const uri = `${eventUri}/invitees/${randomUUID()}`;
  const t = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    event: "invitee.created",
    created_at: new Date().toISOString(),
    created_by: "https://api.calendly.com/users/bench-owner",
    payload: {
      uri,
      email: `lag${i}.${uri.slice(-8)}@bench.example`,
      name: `Lag Lead ${i}`,
      status: "active",
      timezone: "Europe/Paris",
      event: eventUri,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      cancel_url: "https://calendly.com/cancellations/x",
      reschedule_url: "https://calendly.com/reschedulings/x",
      rescheduled: false,
      questions_and_answers: [{ question: "Company size", answer: "11-50", position: 0 }],
      tracking: { utm_source: "crm", utm_medium: "email", utm_campaign: null, utm_content: null, utm_term: null },
      text_reminder_number: null,
      no_show: null,
      scheduled_event: {
        uri: eventUri,
        name: "30 Minute Discovery Call",
        status: "active",
        start_time: "2026-06-01T09:00:00.000Z",
        end_time: "2026-06-01T09:30:00.000Z",
        event_type: "https://api.calendly.com/event_types/bench",
        location: {
          type: "google_conference",
          status: "pushed",
          join_url: "https://calendly.com/events/x/google_meet",
        },
        event_memberships: [
          { user: "https://api.calendly.com/users/host", user_email: "host@bench.example", user_name: "Host" },
        ],
      },
    },
  });
  const sig = `t=${t},v1=${createHmac("sha256", signingKey).update(`${t}.${body}`).digest("hex")}`;
  return { uri, body, sig };
}

const answered = new Map(); // uri -> time of its 200 (measured deliveries only)
const lags = [];
const answers = [];
let sent = 0;
let ok = 0;
let non2xx = 0;
let errors = 0;
let inFlight = 0;

function send(i, measured) {
  const d = delivery(i);
  const started = now();
  inFlight++;
  const req = request(
    url,
    {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(d.body),
        "calendly-webhook-signature": d.sig,
      },
    },
    (res) => {
      res.resume();
      res.on("end", () => {
        inFlight--;
        const at = now();
        if (res.statusCode === 200) {
          ok++;
          if (measured) {
            answered.set(d.uri, at);
            answers.push(at - started);
          }
        } else non2xx++;
      });
    },
  );
  req.on("error", () => {
    inFlight--;
    errors++;
  });
  req.end(d.body);
}

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
let polling = true;
async function poll() {
  while (polling) {
    if (answered.size === 0) {
      await new Promise((r) => setTimeout(r, 2));
      continue;
    }
    const uris = [...answered.keys()];
    const { rows } = await db.query(
      `SELECT "calendlyInviteeUri" AS uri FROM "Lead" WHERE "calendlyInviteeUri" = ANY($1)`,
      [uris],
    );
    const seenAt = now();
    for (const { uri } of rows) {
      lags.push(seenAt - answered.get(uri));
      answered.delete(uri);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}
const poller = poll();

// Open loop: every 2 ms, send what the rate says is due by now.
const start = now();
const total = Math.round(RATE * (WARM + SECONDS));
await new Promise((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((now() - start) / 1000) * RATE));
    while (sent < due) {
      send(sent, sent >= RATE * WARM);
      sent++;
    }
    if (sent >= total) {
      clearInterval(timer);
      resolve();
    }
  }, 2);
});
const sendSeconds = (now() - start) / 1000;
const until = now() + GRACE_MS;
while ((inFlight > 0 || answered.size > 0) && now() < until) await new Promise((r) => setTimeout(r, 20));
polling = false;
await poller;
await db.end();
agent.destroy();

const pct = (xs, p) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};
process.stdout.write(
  `${JSON.stringify({
    sent,
    rate: Math.round(sent / sendSeconds),
    ok,
    non2xx,
    errors,
    measured: lags.length + answered.size,
    notSeen: answered.size,
    lag: { p50: pct(lags, 50), p99: pct(lags, 99), max: pct(lags, 100) },
    answer: { p50: pct(answers, 50), p99: pct(answers, 99), max: pct(answers, 100) },
  })}\n`,
);
