import { isInviteeEvent } from "../events.ts";
import { formatZodIssues } from "../zod-issues.ts";
import { type InviteePayload, inviteePayloadSchema, type WebhookEnvelope, webhookEnvelopeSchema } from "./schemas.ts";

export type ParsedCalendlyWebhook =
  | { ok: true; envelope: WebhookEnvelope; invitee?: InviteePayload }
  | {
      ok: false;
      error: string /** present when the envelope parsed but its invitee payload did not */;
      envelope?: WebhookEnvelope;
    };

/**
 * Parses a (verified) raw webhook body. Never throws. `invitee` is set for the four invitee
 * events; an invitee event whose payload does not match the schema is `ok: false`.
 */
export function parseCalendlyWebhook(rawBody: string): ParsedCalendlyWebhook {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, error: "Body is not valid JSON" };
  }
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, error: `Invalid webhook envelope: ${formatZodIssues(envelope.error)}` };
  if (!isInviteeEvent(envelope.data.event)) return { ok: true, envelope: envelope.data };

  const invitee = inviteePayloadSchema.safeParse(envelope.data.payload);
  if (!invitee.success) {
    return {
      ok: false,
      envelope: envelope.data,
      error: `Invalid ${envelope.data.event} payload: ${formatZodIssues(invitee.error, "payload")}`,
    };
  }
  return { ok: true, envelope: envelope.data, invitee: invitee.data };
}
