// "@booking/calendly/webhooks": pure signature + payload helpers, no I/O.
export {
  CALENDLY_SIGNATURE_HEADER,
  WebhookSignatureError,
  signWebhook,
  verifyWebhookSignature,
  type WebhookSignatureFailure,
} from "./signature.ts";
export {
  webhookEnvelopeSchema,
  inviteePayloadSchema,
  embeddedScheduledEventSchema,
  trackingSchema,
  cancellationSchema,
  noShowSchema,
  type WebhookEnvelope,
  type InviteePayload,
} from "./schemas.ts";
export { parseCalendlyWebhook, type ParsedCalendlyWebhook } from "./parse.ts";
export { CALENDLY_INVITEE_EVENTS, isInviteeEvent, type CalendlyWebhookEventName } from "../events.ts";
