import { buildInviteePayload, buildWebhookEnvelope } from "../testing/builders.ts";
import { parseCalendlyWebhook } from "./parse.ts";
import { inviteePayloadSchema } from "./schemas.ts";

describe("parseCalendlyWebhook", () => {
  it("parses an invitee.created delivery into envelope + invitee", () => {
    const body = buildWebhookEnvelope("invitee.created", {
      email: "Maria@Northwind.example",
      tracking: { utm_content: "lead_1" },
    });
    const result = parseCalendlyWebhook(JSON.stringify(body));
    if (!result.ok) throw new Error(result.error);
    expect(result.envelope.event).toBe("invitee.created");
    expect(result.invitee?.email).toBe("Maria@Northwind.example");
    expect(result.invitee?.tracking?.utm_content).toBe("lead_1");
    expect(result.invitee?.scheduled_event.start_time).toBe(body.payload.scheduled_event.start_time);
  });

  it("parses the API-NOTES example shapes (microsecond timestamps, cancellation, reschedule)", () => {
    const body = buildWebhookEnvelope(
      "invitee.canceled",
      {
        rescheduled: true,
        new_invitee: "https://api.calendly.com/scheduled_events/c92f/invitees/9d0e",
        updated_at: "2026-05-13T09:20:44.901000Z",
      },
      { created_at: "2026-05-13T09:20:45.000000Z" },
    );
    const result = parseCalendlyWebhook(JSON.stringify(body));
    if (!result.ok) throw new Error(result.error);
    expect(result.invitee?.status).toBe("canceled");
    expect(result.invitee?.rescheduled).toBe(true);
    expect(result.invitee?.cancellation?.canceler_type).toBe("invitee");
  });

  it("parses invitee_no_show.created with the no_show object", () => {
    const result = parseCalendlyWebhook(JSON.stringify(buildWebhookEnvelope("invitee_no_show.created")));
    if (!result.ok) throw new Error(result.error);
    expect(result.invitee?.no_show?.uri).toMatch(/invitee_no_shows/);
  });

  it("is lenient on optional fields: tracking null, missing name/timezone/cancel urls, unknown keys kept", () => {
    const payload = buildInviteePayload({ tracking: null, brand_new_field: { x: 1 } });
    delete (payload as Record<string, unknown>).name;
    delete (payload as Record<string, unknown>).timezone;
    delete (payload as Record<string, unknown>).cancel_url;
    delete (payload as Record<string, unknown>).rescheduled;
    const result = inviteePayloadSchema.safeParse(payload);
    expect(result.success).toBe(true);
    expect(result.data?.rescheduled).toBe(false);
    expect((result.data as Record<string, unknown>).brand_new_field).toEqual({ x: 1 });
  });

  it("returns ok without invitee for events it does not map", () => {
    const body = {
      event: "routing_form_submission.created",
      created_at: "2026-05-12T15:04:11.000000Z",
      payload: { uri: "x" },
    };
    const result = parseCalendlyWebhook(JSON.stringify(body));
    expect(result).toEqual({ ok: true, rawBody: JSON.stringify(body), envelope: body });
  });

  it("takes the body's bytes: UTF-8 is decoded exactly, anything else is refused", () => {
    const body = buildWebhookEnvelope("invitee.created", { name: "Zoë Ünal 東京 🎉" });
    const raw = JSON.stringify(body);
    const parsed = parseCalendlyWebhook(Buffer.from(raw, "utf8"));
    expect(parsed).toMatchObject({ ok: true, rawBody: raw });
    for (const bad of [
      Buffer.concat([Buffer.from(raw.slice(0, 20)), Buffer.from([0xff, 0xfe]), Buffer.from(raw.slice(20))]),
      Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d]), // an encoded lone surrogate (CESU-8) is not UTF-8
      Buffer.from([0x7b, 0xc3]), // truncated sequence
    ]) {
      expect(parseCalendlyWebhook(bad)).toEqual({ ok: false, error: "Body is not valid UTF-8" });
    }
  });

  it("keeps a delivery whose details have unexpected types (they become null), but not one whose mapped fields do", () => {
    const body = buildWebhookEnvelope("invitee.created");
    const p = body.payload as Record<string, unknown>;
    p.timezone = 42;
    p.questions_and_answers = "none";
    p.text_reminder_number = { n: 1 };
    (p.scheduled_event as Record<string, unknown>).location = ["?"];
    (p.scheduled_event as Record<string, unknown>).event_memberships = [{ user_email: 7 }];
    (p.tracking as Record<string, unknown>).utm_source = false;
    const result = parseCalendlyWebhook(JSON.stringify(body));
    if (!result.ok) throw new Error(result.error);
    expect(result.invitee).toMatchObject({
      timezone: null,
      text_reminder_number: null,
      tracking: { utm_source: null },
    });
    expect(result.invitee?.questions_and_answers).toBeUndefined();
    expect(result.invitee?.scheduled_event.location).toBeNull();
    expect(result.invitee?.scheduled_event.event_memberships).toEqual([{ user_email: null }]);
  });

  it("accepts an envelope without created_by", () => {
    const body = buildWebhookEnvelope("invitee.created") as Record<string, unknown>;
    delete body.created_by;
    expect(parseCalendlyWebhook(JSON.stringify(body)).ok).toBe(true);
  });

  it.each([
    ["not JSON", "{nope", /not valid JSON/],
    ["a JSON array", "[]", /Invalid webhook envelope/],
    ["no event", JSON.stringify({ created_at: "2026-05-12T15:04:11Z", payload: {} }), /event/],
    [
      "bad created_at",
      JSON.stringify({ event: "invitee.created", created_at: "yesterday", payload: {} }),
      /created_at/,
    ],
    [
      "payload not an object",
      JSON.stringify({ event: "x", created_at: "2026-05-12T15:04:11Z", payload: "s" }),
      /payload/,
    ],
  ])("rejects %s with a clear error", (_name, raw, message) => {
    const result = parseCalendlyWebhook(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it.each([
    ["email missing", (p: Record<string, unknown>) => delete p.email, /payload\.email/],
    ["email not an email", (p: Record<string, unknown>) => (p.email = "nobody"), /payload\.email/],
    ["unknown status", (p: Record<string, unknown>) => (p.status = "maybe"), /payload\.status/],
    ["no scheduled_event", (p: Record<string, unknown>) => delete p.scheduled_event, /payload\.scheduled_event/],
    [
      "bad start_time",
      (p: Record<string, unknown>) => ((p.scheduled_event as Record<string, unknown>).start_time = "soon"),
      /payload\.scheduled_event\.start_time/,
    ],
  ])("rejects an invitee payload with %s, naming the field and keeping the envelope", (_name, breakIt, message) => {
    const body = buildWebhookEnvelope("invitee.created");
    breakIt(body.payload as Record<string, unknown>);
    const result = parseCalendlyWebhook(JSON.stringify(body));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.envelope?.event).toBe("invitee.created");
    }
  });
});
