import { disconnectEvent, forgottenConnection, releaseCredentials } from "./connection.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { getCalendlyIntegration } from "./get-integration.ts";
import { integrationEventData } from "./integration-events.ts";
import { loadIntegration } from "./integration-state.ts";
import type { CalendlyIntegrationView } from "./integration-view.ts";
import { forgottenSubscription } from "./remove-subscription.ts";
import { withSubscriptionLease } from "./subscription-lease.ts";

/**
 * integrations.calendly.disconnect: deletes the webhook subscription at Calendly, revokes an OAuth
 * token at /oauth/revoke (both best effort: what failed is recorded on the event), forgets every
 * credential (a personal access token too) and turns Calendly off for the workspace.
 */
export async function disconnectCalendly(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<CalendlyIntegrationView> {
  await withSubscriptionLease(deps, workspaceId, async () => {
    const state = await loadIntegration(deps.db, workspaceId);
    const released = await releaseCredentials(deps, state, { deleteSubscription: true });
    const now = deps.clock();
    const event = state.calendlyAccessTokenEnc ? disconnectEvent(deps, state, released, now) : null;
    await deps.db.$transaction([
      deps.db.client.update({
        where: { id: workspaceId },
        data: { calendlyEnabled: false, ...forgottenConnection(), ...forgottenSubscription(now) },
        select: { id: true },
      }),
      ...(event ? [deps.db.integrationEvent.create({ data: integrationEventData(event), select: { id: true } })] : []),
    ]);
  });
  return getCalendlyIntegration(deps, workspaceId);
}
