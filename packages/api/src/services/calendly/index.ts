export type { CalendlyIntegrationDeps } from "./deps.ts";
export { ensureCalendlySubscription } from "./ensure-subscription.ts";
export type { EventTypeOption } from "./event-type-option.ts";
export { getCalendlyIntegration } from "./get-integration.ts";
export type { CalendlyIntegrationView, SubscriptionView } from "./integration-view.ts";
export { listCalendlyEventTypes } from "./list-event-types.ts";
export { calendlyToDomainError, callCalendly } from "./map-error.ts";
export { removeCalendlySubscription } from "./remove-subscription.ts";
export { calendlySubscriptionHealth } from "./subscription-health.ts";
export { type ConnectionTestResult, testCalendlyConnection } from "./test-connection.ts";
export { clientForWorkspace } from "./token.ts";
export {
  SKIPPED_VERIFICATION_NOTE,
  type UpdateCalendlyIntegrationInput,
  updateCalendlyIntegration,
} from "./update-integration.ts";
export { workspaceWebhookUrl } from "./webhook-url.ts";
