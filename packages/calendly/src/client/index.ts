export type { CalendlyClient, CalendlyClientFactory, CalendlyClientOptions, WebhookScope } from "./client.ts";
export { createCalendlyClient, createCalendlyClientFactory } from "./client.ts";
export { CalendlyApiError, type CalendlyApiErrorKind, type CalendlyErrorDetail, isCalendlyApiError } from "./errors.ts";
export {
  CALENDLY_OAUTH_SCOPES,
  type CalendlyOAuthClient,
  type CalendlyOAuthClientOptions,
  CalendlyOAuthError,
  type CalendlyOAuthErrorKind,
  type CalendlyOAuthTokens,
  createCalendlyOAuthClient,
  DEFAULT_CALENDLY_AUTH_BASE_URL,
  isCalendlyOAuthError,
} from "./oauth.ts";
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
