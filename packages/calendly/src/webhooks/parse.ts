import { isInviteeEvent } from "../events.ts";
import { formatZodIssues } from "../zod-issues.ts";
import { type InviteePayload, inviteePayloadSchema, type WebhookEnvelope, webhookEnvelopeSchema } from "./schemas.ts";

export type ParsedCalendlyWebhook =
  | { ok: true; rawBody: string; envelope: WebhookEnvelope; invitee?: InviteePayload }
  | {
      ok: false;
      error: string /** present when the envelope parsed but its invitee payload did not */;
      envelope?: WebhookEnvelope;
    };

/** Strict: bytes that are not UTF-8 are refused, never replaced (the body is stored as it came). */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Parses a (verified) raw webhook body: the bytes as received, or their text. Never throws.
 * `rawBody` is the body's text, exactly (what the inbox stores). `invitee` is set for the four
 * invitee events; an invitee event whose payload does not match the schema is `ok: false`.
 */
export function parseCalendlyWebhook(body: string | Uint8Array): ParsedCalendlyWebhook {
  let rawBody: string;
  try {
    rawBody = typeof body === "string" ? body : utf8.decode(body);
  } catch {
    return { ok: false, error: "Body is not valid UTF-8" };
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, error: "Body is not valid JSON" };
  }
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, error: `Invalid webhook envelope: ${formatZodIssues(envelope.error)}` };
  if (!isInviteeEvent(envelope.data.event)) return { ok: true, rawBody, envelope: envelope.data };

  const invitee = inviteePayloadSchema.safeParse(envelope.data.payload);
  if (!invitee.success) {
    return {
      ok: false,
      envelope: envelope.data,
      error: `Invalid ${envelope.data.event} payload: ${formatZodIssues(invitee.error, "payload")}`,
    };
  }
  return { ok: true, rawBody, envelope: envelope.data, invitee: invitee.data };
}
