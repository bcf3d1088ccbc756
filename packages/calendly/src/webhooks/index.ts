// "@booking/calendly/webhooks": pure signature + payload helpers, no I/O.

export { CALENDLY_INVITEE_EVENTS, type CalendlyWebhookEventName, isInviteeEvent } from "../events.ts";
export { type ParsedCalendlyWebhook, parseCalendlyWebhook } from "./parse.ts";
export {
  cancellationSchema,
  embeddedScheduledEventSchema,
  type InviteePayload,
  inviteePayloadSchema,
  noShowSchema,
  trackingSchema,
  type WebhookEnvelope,
  webhookEnvelopeSchema,
} from "./schemas.ts";
export {
  CALENDLY_SIGNATURE_HEADER,
  signWebhook,
  verifyWebhookSignature,
  WebhookSignatureError,
  type WebhookSignatureFailure,
} from "./signature.ts";
