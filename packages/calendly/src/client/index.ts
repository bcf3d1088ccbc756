export type { CalendlyClient, CalendlyClientFactory, CalendlyClientOptions, WebhookScope } from "./client.ts";
export { createCalendlyClient, createCalendlyClientFactory } from "./client.ts";
export { CalendlyApiError, type CalendlyApiErrorKind, type CalendlyErrorDetail, isCalendlyApiError } from "./errors.ts";
export {
  type CalendlyEventType,
  type CalendlyInvitee,
  type CalendlyInviteeNoShow,
  type CalendlyOrganizationMembership,
  type CalendlyScheduledEvent,
  type CalendlySchedulingLink,
  type CalendlyUser,
  type CalendlyWebhookSubscription,
  calendlyEventTypeSchema,
  calendlyInviteeSchema,
  calendlyScheduledEventSchema,
  calendlyUserSchema,
  calendlyWebhookSubscriptionSchema,
} from "./schemas.ts";
export { DEFAULT_CALENDLY_BASE_URL } from "./urls.ts";
