// The demo's stand-in for "a lead books on Calendly": POST /book {name, email, leadId?} adds a
// scheduled event to the local Calendly stand-in (so Reconcile finds it too) and delivers a signed
// invitee.created to every active subscription, exactly as Calendly would. POST /cancel {inviteeUri}
// does the same for a cancellation. Loopback only; part of the run command, never of the apps.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { buildWebhookEnvelope, type FakeCalendly } from "@booking/calendly/testing";
import { z } from "zod";

const API = "https://api.calendly.com";

const bookInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  leadId: z.string().trim().min(1).max(64).optional(),
  startsInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(48),
});
const cancelInput = z.object({ inviteeUri: z.string().url(), reason: z.string().max(500).default("Can't make it") });

export function startDemoControl(opts: {
  fake: FakeCalendly;
  hostUserUri: string;
  eventTypeUri: string;
  port: number;
}): Promise<Server> {
  const { fake } = opts;
  const booked = new Map<string, { name: string; email: string; eventUri: string; start: Date; leadId?: string }>();

  async function deliverToAll(envelope: unknown) {
    const active = fake.subscriptions.filter((s) => s.state === "active");
    return Promise.all(
      active.map(async (s) => ({ subscription: s.uri, status: (await fake.deliver(s.uri, envelope)).status })),
    );
  }

  async function book(input: z.infer<typeof bookInput>) {
    const start = new Date(Date.now() + input.startsInHours * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const eventUri = `${API}/scheduled_events/${randomUUID()}`;
    const inviteeUri = `${eventUri}/invitees/${randomUUID()}`;
    const tracking = { utm_source: "crm", utm_content: input.leadId ?? null };
    const bookedAt = new Date().toISOString();
    const scheduled = {
      uri: eventUri,
      start_time: start.toISOString(),
      end_time: new Date(start.getTime() + 30 * 60_000).toISOString(),
      event_type: opts.eventTypeUri,
      created_at: bookedAt,
      updated_at: bookedAt,
    };
    const times = { created_at: bookedAt, updated_at: bookedAt };
    fake.addScheduledEvent({
      user: opts.hostUserUri,
      ...scheduled,
      invitees: [{ uri: inviteeUri, name: input.name, email: input.email, tracking, ...times }],
    });
    booked.set(inviteeUri, { name: input.name, email: input.email, eventUri, start, leadId: input.leadId });
    const envelope = buildWebhookEnvelope("invitee.created", {
      uri: inviteeUri,
      event: eventUri,
      name: input.name,
      email: input.email,
      tracking,
      ...times,
      scheduled_event: scheduled,
    });
    return { inviteeUri, start: start.toISOString(), deliveries: await deliverToAll(envelope) };
  }

  async function cancel(input: z.infer<typeof cancelInput>) {
    const b = booked.get(input.inviteeUri);
    if (!b) return undefined;
    const scheduled = {
      uri: b.eventUri,
      start_time: b.start.toISOString(),
      end_time: new Date(b.start.getTime() + 30 * 60_000).toISOString(),
      event_type: opts.eventTypeUri,
      status: "canceled",
    };
    const envelope = buildWebhookEnvelope("invitee.canceled", {
      uri: input.inviteeUri,
      event: b.eventUri,
      name: b.name,
      email: b.email,
      status: "canceled",
      tracking: { utm_source: "crm", utm_content: b.leadId ?? null },
      cancellation: {
        canceled_by: b.name,
        reason: input.reason,
        canceler_type: "invitee",
        created_at: new Date().toISOString(),
      },
      scheduled_event: scheduled,
    });
    return { inviteeUri: input.inviteeUri, deliveries: await deliverToAll(envelope) };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const reply = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(`${JSON.stringify(body, null, 2)}\n`);
      try {
        const json: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
        if (req.method === "POST" && req.url === "/book") {
          const input = bookInput.safeParse(json);
          return input.success
            ? reply(200, await book(input.data))
            : reply(400, { error: z.prettifyError(input.error) });
        }
        if (req.method === "POST" && req.url === "/cancel") {
          const input = cancelInput.safeParse(json);
          if (!input.success) return reply(400, { error: z.prettifyError(input.error) });
          const result = await cancel(input.data);
          return result
            ? reply(200, result)
            : reply(404, { error: "No booking with that invitee URI in this demo run" });
        }
        reply(404, { error: "POST /book {name, email, leadId?} or POST /cancel {inviteeUri, reason?}" });
      } catch (error) {
        reply(400, { error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve(server));
  });
}
