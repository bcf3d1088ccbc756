// What connecting and disconnecting write, and the clean-up of credentials that are let go.
import type { Prisma } from "@booking/db";
import { secretContext } from "@booking/db";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { actorOf, type IntegrationEventInput } from "./integration-events.ts";
import type { IntegrationState } from "./integration-state.ts";
import { clientForWorkspace } from "./token.ts";

/** The columns of a workspace without Calendly credentials. */
export function forgottenConnection() {
  return {
    calendlyAuthMethod: null,
    calendlyAccessTokenEnc: null,
    calendlyAccessTokenLast4: null,
    calendlyRefreshTokenEnc: null,
    calendlyAccessTokenExpiresAt: null,
    calendlyTokenScopes: null,
    calendlyMissingScopes: [],
    calendlyOrganizationRole: null,
    calendlySubscriptionScope: "user",
    calendlyConnectionStatus: "UNKNOWN",
    calendlyConnectionCheckedAt: null,
    calendlyUserUri: null,
    calendlyUserName: null,
    calendlyUserEmail: null,
    calendlyOrganizationUri: null,
    calendlyLastError: null,
    calendlyReconcileFrom: null,
  } satisfies Prisma.ClientUpdateInput;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Best effort, before credentials are forgotten or replaced: deletes the webhook subscription at
 * Calendly (`deleteSubscription`) and revokes OAuth tokens at /oauth/revoke. Returns what could not
 * be done (the token may already be revoked; a hook left behind is disabled by Calendly after 24 h
 * of failed deliveries).
 */
export async function releaseCredentials(
  deps: CalendlyIntegrationDeps,
  state: Pick<
    IntegrationState,
    "id" | "calendlyAccessTokenEnc" | "calendlyAuthMethod" | "calendlyWebhookSubscriptionUri"
  >,
  opts: { deleteSubscription: boolean },
): Promise<{ done: string[]; failed: string[] }> {
  const done: string[] = [];
  const failed: string[] = [];
  if (!state.calendlyAccessTokenEnc) return { done, failed };
  const uri = state.calendlyWebhookSubscriptionUri;
  if (opts.deleteSubscription && uri) {
    try {
      const calendly = await clientForWorkspace(deps, state, {
        allowReconnectNeeded: state.calendlyAuthMethod !== "OAUTH",
        markRefusal: false,
      });
      await calendly.deleteWebhookSubscription(uri);
      done.push("webhook subscription deleted");
    } catch (error) {
      failed.push(`the webhook subscription could not be deleted at Calendly (${message(error)})`);
    }
  }
  if (state.calendlyAuthMethod === "OAUTH") {
    // Re-read: deleting the subscription may have renewed the pair.
    const row = await deps.db.client.findUnique({
      where: { id: state.id },
      select: { calendlyAccessTokenEnc: true, calendlyRefreshTokenEnc: true },
    });
    const oauth = deps.oauth;
    if (!oauth) {
      failed.push("the OAuth token could not be revoked (no CALENDLY_OAUTH_CLIENT_ID/SECRET on this server)");
    } else {
      const tokens: string[] = [];
      try {
        if (row?.calendlyAccessTokenEnc)
          tokens.push(deps.secrets.decrypt(row.calendlyAccessTokenEnc, secretContext.calendlyAccessToken(state.id)));
        if (row?.calendlyRefreshTokenEnc)
          tokens.push(deps.secrets.decrypt(row.calendlyRefreshTokenEnc, secretContext.calendlyRefreshToken(state.id)));
        for (const token of tokens) await oauth.revoke(token);
        done.push("OAuth token revoked");
      } catch (error) {
        failed.push(`the OAuth token could not be revoked (${message(error)})`);
      }
    }
  }
  return { done, failed };
}

/** The DISCONNECTED event: how it was connected, what was cleaned up and what could not be. */
export function disconnectEvent(
  deps: Pick<CalendlyIntegrationDeps, "actor">,
  state: Pick<IntegrationState, "id" | "calendlyAuthMethod" | "calendlyUserName">,
  released: { done: string[]; failed: string[] },
  at: Date,
): IntegrationEventInput {
  const how = state.calendlyAuthMethod === "OAUTH" ? "OAuth connection" : "personal access token";
  const who = state.calendlyUserName ? ` of ${state.calendlyUserName}` : "";
  const done = released.done.length > 0 ? `: ${released.done.join(", ")}` : "";
  return {
    workspaceId: state.id,
    kind: "DISCONNECTED",
    actor: actorOf(deps),
    message: `Disconnected Calendly (${how}${who})${done}; credentials forgotten`,
    ...(released.failed.length > 0 ? { error: released.failed.join("; ") } : {}),
    at,
  };
}
