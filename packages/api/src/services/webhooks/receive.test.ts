import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import type { SecretBox } from "@booking/db";
import { createWorkspace, deliver, testSecrets } from "./test-helpers.ts";

let t: TestDatabase;
let secrets: SecretBox;
beforeAll(async () => {
  t = await createTestDatabase();
  secrets = testSecrets();
});
afterAll(async () => t?.drop());

const deps = () => ({ db: t.db, secrets });
const lead = (id: string) => t.db.lead.findUniqueOrThrow({ where: { id } });

describe("invitee.created", () => {
  it("creates a CALENDLY lead, BOOKED at the scheduled time, and stores the delivery", async () => {
    const ws = await createWorkspace(t.db, secrets);
    const body = buildWebhookEnvelope("invitee.created", { email: "New.Person@Example.TEST", name: "New Person" });
    const r = await deliver(deps(), ws.id, body);
    expect(r).toMatchObject({ duplicate: false, status: "PROCESSED", outcome: "booked", leadCreated: true });
    const l = await lead(r.leadId!);
    expect(l).toMatchObject({
      clientId: ws.id,
      email: "new.person@example.test",
      name: "New Person",
      source: "CALENDLY",
      appointmentStatus: "BOOKED",
      calendlyInviteeUri: body.payload.uri,
      calendlyScheduledEventUri: body.payload.scheduled_event.uri,
    });
    expect(l.appointmentStartAt?.toISOString()).toBe(new Date(body.payload.scheduled_event.start_time as string).toISOString());
    expect(l.calendlyEventAt?.toISOString()).toBe(new Date(body.created_at).toISOString());
    const ev = await t.db.webhookEvent.findUniqueOrThrow({ where: { id: r.eventId } });
    expect(ev).toMatchObject({
      clientId: ws.id,
      eventName: "invitee.created",
      idempotencyKey: `invitee.created:${body.payload.uri}`,
      status: "PROCESSED",
      outcome: "booked",
      leadId: l.id,
      deliveryCount: 1,
      attempts: 1,
      rawBody: JSON.stringify(body),
    });
    const c = await t.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(c.calendlyLastWebhookAt).not.toBeNull();
  });
});
