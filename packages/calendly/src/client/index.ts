export { createCalendlyClient, createCalendlyClientFactory } from "./client.ts";
export type { CalendlyClient, CalendlyClientFactory, CalendlyClientOptions, WebhookScope } from "./client.ts";
export { CalendlyApiError, isCalendlyApiError, type CalendlyApiErrorKind, type CalendlyErrorDetail } from "./errors.ts";
export {
  calendlyUserSchema,
  calendlyEventTypeSchema,
  calendlyWebhookSubscriptionSchema,
  calendlyScheduledEventSchema,
  calendlyInviteeSchema,
  type CalendlyUser,
  type CalendlyEventType,
  type CalendlyWebhookSubscription,
  type CalendlyScheduledEvent,
  type CalendlyInvitee,
} from "./schemas.ts";
export { DEFAULT_CALENDLY_BASE_URL } from "./urls.ts";
