import type { CalendlyWebhookSubscription } from "@booking/calendly";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { subscriptionFields } from "./ensure-subscription.ts";
import { earlier, gapStart } from "./gap.ts";
import { loadIntegration } from "./integration-state.ts";
import { type SubscriptionView, subscriptionView } from "./integration-view.ts";
import { calendlyToDomainError, isCalendlyNotFound } from "./map-error.ts";
import { forgottenSubscription } from "./remove-subscription.ts";
import { clientForWorkspace } from "./token.ts";

/**
 * Re-reads the stored subscription at Calendly and records its state, `retry_started_at` (set
 * while deliveries are failing) and the check time. Gone at Calendly (404) means "missing", and
 * the delivery gap is remembered so that the worker recreates the hook and reconciles the gap.
 */
export async function calendlySubscriptionHealth(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<SubscriptionView> {
  const state = await loadIntegration(deps.db, workspaceId);
  const uri = state.calendlyWebhookSubscriptionUri;
  if (!uri) {
    const saved = await deps.db.client.update({
      where: { id: workspaceId },
      data: { calendlyWebhookState: "missing", calendlyWebhookCheckedAt: deps.clock() },
      select: subscriptionFields,
    });
    return subscriptionView(saved);
  }
  const calendly = await clientForWorkspace(deps, state);
  let sub: CalendlyWebhookSubscription | null;
  try {
    sub = await calendly.getWebhookSubscription(uri);
  } catch (error) {
    if (!isCalendlyNotFound(error)) throw calendlyToDomainError(error);
    sub = null;
  }
  const saved = await deps.db.client.update({
    where: { id: workspaceId },
    data: sub
      ? {
          calendlyWebhookState: sub.state,
          calendlyWebhookRetryStartedAt: sub.retry_started_at ? new Date(sub.retry_started_at) : null,
          calendlyWebhookCheckedAt: deps.clock(),
        }
      : {
          ...forgottenSubscription(deps.clock()),
          calendlyReconcileFrom: earlier(
            state.calendlyReconcileFrom,
            gapStart({
              retryStartedAt: state.calendlyWebhookRetryStartedAt,
              lastDelivery: state.calendlyLastWebhookAt,
              createdAt: null,
              lastCheck: state.calendlyWebhookCheckedAt,
              now: deps.clock(),
            }),
          ),
        },
    select: subscriptionFields,
  });
  return subscriptionView(saved);
}
