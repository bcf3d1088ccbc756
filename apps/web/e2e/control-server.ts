// A tiny HTTP endpoint through which the tests (in worker processes) ask the fake Calendly, which
// lives in the global-setup process, to deliver a signed webhook to a workspace's subscription.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeCalendly } from "@booking/calendly/testing";
import { buildWebhookEnvelope } from "@booking/calendly/testing";

export type DeliverRequest = {
  workspaceId: string;
  event?: string;
  email: string;
  name: string;
  eventTypeUri?: string;
  startTime?: string;
};

export type FailRequest = { count: number; failure: "timeout" | { status: number } };

export async function startControlServer(fake: FakeCalendly): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      // POST /fail {count, failure}: the next `count` Calendly requests fail ("timeout": hang until aborted).
      if (req.method === "POST" && req.url === "/fail") {
        const { count, failure } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FailRequest;
        fake.failNext(count, failure);
        return reply(200, { ok: true });
      }
      // POST /recover: forget pending failures.
      if (req.method === "POST" && req.url === "/recover") {
        fake.reset();
        return reply(200, { ok: true });
      }
      if (req.method !== "POST" || req.url !== "/deliver") return reply(404, { error: "not found" });
      const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as DeliverRequest;
      const suffix = `/webhooks/calendly/${input.workspaceId}`;
      const subscription = fake.subscriptions.find((s) => s.callback_url.endsWith(suffix) && s.state === "active");
      if (!subscription) return reply(409, { error: `no active subscription for ${suffix}` });
      const start = input.startTime ? new Date(input.startTime) : new Date(Date.now() + 3 * 24 * 3600 * 1000);
      const envelope = buildWebhookEnvelope(input.event ?? "invitee.created", {
        email: input.email,
        name: input.name,
        scheduled_event: {
          start_time: start.toISOString(),
          end_time: new Date(start.getTime() + 30 * 60_000).toISOString(),
          ...(input.eventTypeUri ? { event_type: input.eventTypeUri } : {}),
        },
      });
      // A booking Calendly tells us about exists in Calendly too (no-show marks need its invitee).
      const host = fake.accounts.find((a) => a.organizationUri === subscription.organization);
      if (host && envelope.event === "invitee.created") {
        fake.addScheduledEvent({
          user: host.user.uri,
          uri: envelope.payload.scheduled_event.uri,
          start_time: start,
          invitees: [{ uri: envelope.payload.uri, email: input.email, name: input.name }],
        });
      }
      const response = await fake.deliver(subscription.uri, envelope);
      reply(200, { status: response.status, body: await response.text() });
    } catch (error) {
      reply(500, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
