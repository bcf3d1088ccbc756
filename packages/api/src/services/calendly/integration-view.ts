import type {
  CalendlyAuthMethod,
  CalendlyConnectionStatus,
  CalendlySubscriptionScope,
  CalendlySubscriptionState,
  MeetingBookingProvider,
} from "@booking/db";
import type { IntegrationEventView } from "./integration-events.ts";
import type { IntegrationState } from "./integration-state.ts";
import { workspaceWebhookUrl } from "./webhook-url.ts";

export type SubscriptionView = {
  uri: string | null;
  state: CalendlySubscriptionState;
  retryStartedAt: Date | null;
  checkedAt: Date | null;
  lastDeliveryAt: Date | null;
};

/** What `integrations.calendly.get` returns. No secret ever appears here. */
export type CalendlyIntegrationView = {
  provider: MeetingBookingProvider;
  enabled: boolean;
  eventTypeLink: string | null;
  eventTypeUri: string | null;
  eventTypeName: string | null;
  tokenConfigured: boolean;
  /** Last 4 characters of a personal access token (null for OAuth: its tokens rotate). */
  tokenLast4: string | null;
  /** How the workspace is connected (null: not connected). */
  authMethod: CalendlyAuthMethod | null;
  /** "Connect with Calendly" is available (the server has an OAuth app configured). */
  oauthAvailable: boolean;
  webhookUrl: string;
  connection: {
    status: CalendlyConnectionStatus;
    checkedAt: Date | null;
    userName: string | null;
    userEmail: string | null;
    userUri: string | null;
    organizationUri: string | null;
    /** The connected user's role in its Calendly organization: owner | admin | user (null: unknown). */
    role: string | null;
    lastError: string | null;
    /** Scopes Calendly said were missing: "reconnect to grant: …". */
    missingScopes: string[];
    /** Scopes granted to the OAuth token (null: unknown, or a personal access token). */
    grantedScopes: string[] | null;
    /** When the OAuth access token expires (it is renewed before). */
    tokenExpiresAt: Date | null;
  };
  /** The subscription scope the admin chose, and whether the organization scope may be chosen. */
  subscriptionScope: CalendlySubscriptionScope;
  organizationScopeAllowed: boolean;
  subscription: SubscriptionView;
  /** What the integration did recently (repairs, reconciliations, refreshes, connects), newest first. */
  events: IntegrationEventView[];
};

export const canUseOrganizationScope = (role: string | null) => role === "owner" || role === "admin";

export function subscriptionView(
  c: Pick<
    IntegrationState,
    | "calendlyWebhookSubscriptionUri"
    | "calendlyWebhookState"
    | "calendlyWebhookRetryStartedAt"
    | "calendlyWebhookCheckedAt"
    | "calendlyLastWebhookAt"
  >,
): SubscriptionView {
  return {
    uri: c.calendlyWebhookSubscriptionUri,
    state: c.calendlyWebhookSubscriptionUri ? c.calendlyWebhookState : "missing",
    retryStartedAt: c.calendlyWebhookRetryStartedAt,
    checkedAt: c.calendlyWebhookCheckedAt,
    lastDeliveryAt: c.calendlyLastWebhookAt,
  };
}

export function integrationView(
  c: IntegrationState,
  opts: { publicWebhookBaseUrl: string; oauthAvailable: boolean; events: IntegrationEventView[] },
): CalendlyIntegrationView {
  const connected = c.calendlyAccessTokenEnc !== null;
  const oauth = connected && c.calendlyAuthMethod === "OAUTH";
  return {
    provider: c.settings?.meetingBookingProvider ?? "GHL",
    enabled: c.calendlyEnabled,
    eventTypeLink: c.settings?.calendlyEventTypeLink ?? null,
    eventTypeUri: c.settings?.calendlyEventTypeUri ?? null,
    eventTypeName: c.settings?.calendlyEventTypeName ?? null,
    tokenConfigured: connected,
    tokenLast4: connected && !oauth ? c.calendlyAccessTokenLast4 : null,
    authMethod: connected ? (c.calendlyAuthMethod ?? "PERSONAL_TOKEN") : null,
    oauthAvailable: opts.oauthAvailable,
    webhookUrl: workspaceWebhookUrl(opts.publicWebhookBaseUrl, c.id),
    connection: {
      status: c.calendlyConnectionStatus,
      checkedAt: c.calendlyConnectionCheckedAt,
      userName: c.calendlyUserName,
      userEmail: c.calendlyUserEmail,
      userUri: c.calendlyUserUri,
      organizationUri: c.calendlyOrganizationUri,
      role: c.calendlyOrganizationRole,
      lastError: c.calendlyLastError,
      missingScopes: c.calendlyMissingScopes,
      grantedScopes: oauth && c.calendlyTokenScopes ? c.calendlyTokenScopes.split(/\s+/).filter(Boolean) : null,
      tokenExpiresAt: oauth ? c.calendlyAccessTokenExpiresAt : null,
    },
    subscriptionScope: c.calendlySubscriptionScope,
    organizationScopeAllowed: canUseOrganizationScope(c.calendlyOrganizationRole),
    subscription: subscriptionView(c),
    events: opts.events,
  };
}
