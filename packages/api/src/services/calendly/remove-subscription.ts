import type { Prisma } from "@booking/db";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { subscriptionFields } from "./ensure-subscription.ts";
import { actorOf, recordIntegrationEvent } from "./integration-events.ts";
import { loadIntegration } from "./integration-state.ts";
import { type SubscriptionView, subscriptionView } from "./integration-view.ts";
import { callCalendly } from "./map-error.ts";
import { withSubscriptionLease } from "./subscription-lease.ts";
import { clientForWorkspace } from "./token.ts";

/** The columns of a workspace that no longer has a subscription (nor its signing key). */
export function forgottenSubscription(at: Date) {
  return {
    calendlyWebhookSubscriptionUri: null,
    calendlyWebhookSigningKeyEnc: null,
    calendlyWebhookState: "missing",
    calendlyWebhookRetryStartedAt: null,
    calendlyWebhookCheckedAt: at,
  } satisfies Prisma.ClientUpdateInput;
}

/** Deletes the stored subscription at Calendly (a 404 is fine) and forgets it and its signing key. */
export async function removeCalendlySubscription(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<SubscriptionView> {
  return withSubscriptionLease(deps, workspaceId, () => removeUnderLease(deps, workspaceId));
}

async function removeUnderLease(deps: CalendlyIntegrationDeps, workspaceId: string): Promise<SubscriptionView> {
  const state = await loadIntegration(deps.db, workspaceId);
  const uri = state.calendlyWebhookSubscriptionUri;
  if (uri && state.calendlyAccessTokenEnc) {
    const calendly = await clientForWorkspace(deps, state);
    await callCalendly(() => calendly.deleteWebhookSubscription(uri));
  }
  const saved = await deps.db.client.update({
    where: { id: workspaceId },
    data: forgottenSubscription(deps.clock()),
    select: subscriptionFields,
  });
  if (uri)
    await recordIntegrationEvent(deps.db, {
      workspaceId,
      kind: "SUBSCRIPTION_REMOVED",
      actor: actorOf(deps),
      message: "Removed the webhook subscription: Calendly no longer posts events for this workspace",
      at: deps.clock(),
    });
  return subscriptionView(saved);
}
