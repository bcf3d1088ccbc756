export type { CalendlyIntegrationDeps } from "./deps.ts";
export { disconnectCalendly } from "./disconnect.ts";
export { ensureCalendlySubscription } from "./ensure-subscription.ts";
export type { EventTypeOption } from "./event-type-option.ts";
export { getCalendlyIntegration } from "./get-integration.ts";
export { type HealthCheckResult, runCalendlyHealthCheck } from "./health-check.ts";
export { type IntegrationEventView, recentIntegrationEvents } from "./integration-events.ts";
export type { CalendlyIntegrationView, SubscriptionView } from "./integration-view.ts";
export { listCalendlyEventTypes } from "./list-event-types.ts";
export { calendlyToDomainError, callCalendly } from "./map-error.ts";
export {
  completeCalendlyOAuth,
  type OAuthCallbackResult,
  type OAuthStartResult,
  startCalendlyOAuth,
} from "./oauth-connect.ts";
export { removeCalendlySubscription } from "./remove-subscription.ts";
export { calendlySubscriptionHealth } from "./subscription-health.ts";
export { type ConnectionTestResult, testCalendlyConnection } from "./test-connection.ts";
export { clientForWorkspace, REFRESH_MARGIN_MS, refreshCalendlyToken, type TokenRefreshResult } from "./token.ts";
export {
  SKIPPED_VERIFICATION_NOTE,
  type UpdateCalendlyIntegrationInput,
  updateCalendlyIntegration,
} from "./update-integration.ts";
export { workspaceWebhookUrl } from "./webhook-url.ts";
export { calendlyTokensExpiringBefore, calendlyWorkspacesToCheck } from "./worker-schedule.ts";
