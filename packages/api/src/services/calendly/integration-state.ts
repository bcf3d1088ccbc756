import type { Db } from "@booking/db";
import { DomainError } from "../../errors.ts";

/** Everything the Calendly integration services read from a workspace (secrets stay encrypted). */
const integrationSelect = {
  id: true,
  calendlyEnabled: true,
  calendlyAccessTokenEnc: true,
  calendlyAccessTokenLast4: true,
  calendlyUserUri: true,
  calendlyUserName: true,
  calendlyUserEmail: true,
  calendlyOrganizationUri: true,
  calendlyConnectionStatus: true,
  calendlyConnectionCheckedAt: true,
  calendlyLastError: true,
  calendlyWebhookSubscriptionUri: true,
  calendlyWebhookSigningKeyEnc: true,
  calendlyWebhookState: true,
  calendlyWebhookRetryStartedAt: true,
  calendlyWebhookCheckedAt: true,
  calendlyLastWebhookAt: true,
  calendlyAuthMethod: true,
  calendlyAccessTokenExpiresAt: true,
  calendlyTokenScopes: true,
  calendlyMissingScopes: true,
  calendlyOrganizationRole: true,
  calendlySubscriptionScope: true,
  calendlyReconcileFrom: true,
  settings: {
    select: {
      meetingBookingProvider: true,
      calendlyEventTypeLink: true,
      calendlyEventTypeUri: true,
      calendlyEventTypeName: true,
    },
  },
} as const;

export async function loadIntegration(db: Db, workspaceId: string) {
  const client = await db.client.findUnique({ where: { id: workspaceId }, select: integrationSelect });
  if (!client) throw new DomainError("NOT_FOUND", "Workspace not found");
  return client;
}

export type IntegrationState = Awaited<ReturnType<typeof loadIntegration>>;
