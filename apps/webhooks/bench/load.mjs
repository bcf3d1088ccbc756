// The load generator, run as its own process: pre-generates signed, mostly-unique invitee.created
// deliveries (timestamps now, within tolerance), then drives them with autocannon and prints the
// result as one JSON line.  argv: <baseUrl> <workspaceId> <signingKey> <seconds> <connections>

import { createHmac, randomUUID } from "node:crypto";
import autocannon from "autocannon";

const [baseUrl, workspaceId, signingKey, seconds = "10", connections = "32"] = process.argv.slice(2);
const POOL = 60_000;
const DUPLICATE_EVERY = 20; // ~5% of deliveries repeat an earlier one (Calendly redelivers)

function body(i) {
  const eventUuid = randomUUID();
  const eventUri = `https://api.calendly.com/scheduled_events/${eventUuid}`;
  const start = new Date(Date.UTC(2026, 5, 1, 9) + (i % 500) * 1_800_000);
  return JSON.stringify({
    event: "invitee.created",
    created_at: new Date().toISOString(),
    created_by: "https://api.calendly.com/users/bench-owner",
    payload: {
      uri: `${eventUri}/invitees/${randomUUID()}`,
      email: `lead${i}.${eventUuid.slice(0, 8)}@bench.example`,
      name: `Bench Lead ${i}`,
      first_name: null,
      last_name: null,
      status: "active",
      timezone: "Europe/Paris",
      event: eventUri,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      cancel_url: "https://calendly.com/cancellations/x",
      reschedule_url: "https://calendly.com/reschedulings/x",
      rescheduled: false,
      old_invitee: null,
      new_invitee: null,
      questions_and_answers: [{ question: "Company size", answer: "11-50", position: 0 }],
      tracking: {
        utm_campaign: null,
        utm_source: "crm",
        utm_medium: "email",
        utm_content: null,
        utm_term: null,
        salesforce_uuid: null,
      },
      text_reminder_number: null,
      routing_form_submission: null,
      payment: null,
      no_show: null,
      reconfirmation: null,
      scheduling_method: null,
      invitee_scheduled_by: null,
      scheduled_event: {
        uri: eventUri,
        name: "30 Minute Discovery Call",
        status: "active",
        start_time: start.toISOString(),
        end_time: new Date(start.getTime() + 1_800_000).toISOString(),
        event_type: "https://api.calendly.com/event_types/bench",
        location: {
          type: "google_conference",
          status: "pushed",
          join_url: "https://calendly.com/events/x/google_meet",
        },
        invitees_counter: { total: 1, active: 1, limit: 1 },
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        event_memberships: [
          { user: "https://api.calendly.com/users/host", user_email: "host@bench.example", user_name: "Host" },
        ],
        event_guests: [],
      },
    },
  });
}

const t = Math.floor(Date.now() / 1000);
const requests = [];
for (let i = 0; i < POOL; i++) {
  const raw = i > 0 && i % DUPLICATE_EVERY === 0 ? requests[i - 7].body : body(i);
  const sig = `t=${t},v1=${createHmac("sha256", signingKey).update(`${t}.${raw}`).digest("hex")}`;
  requests.push({
    body: raw,
    unique: raw !== requests[i - 7]?.body || i % DUPLICATE_EVERY !== 0,
    headers: { "content-type": "application/json", "calendly-webhook-signature": sig },
  });
}
let next = 0;
let unique = 0; // distinct deliveries handed to autocannon (a redelivery or a second lap of the pool is not)

const result = await autocannon({
  url: `${baseUrl}/webhooks/calendly/${workspaceId}`,
  method: "POST",
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      setupRequest: (req) => {
        const r = requests[next % POOL];
        if (r.unique && next < POOL) unique++;
        next++;
        return { ...req, body: r.body, headers: { ...req.headers, ...r.headers } };
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    sent: next,
    unique,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    duration: result.duration,
  })}\n`,
);
