import type { CalendlyConnectionStatus, CalendlySubscriptionState, MeetingBookingProvider } from "@booking/db";
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
  tokenLast4: string | null;
  webhookUrl: string;
  connection: {
    status: CalendlyConnectionStatus;
    checkedAt: Date | null;
    userName: string | null;
    userEmail: string | null;
    userUri: string | null;
    organizationUri: string | null;
    lastError: string | null;
  };
  subscription: SubscriptionView;
};

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

export function integrationView(c: IntegrationState, publicWebhookBaseUrl: string): CalendlyIntegrationView {
  return {
    provider: c.settings?.meetingBookingProvider ?? "GHL",
    enabled: c.calendlyEnabled,
    eventTypeLink: c.settings?.calendlyEventTypeLink ?? null,
    eventTypeUri: c.settings?.calendlyEventTypeUri ?? null,
    eventTypeName: c.settings?.calendlyEventTypeName ?? null,
    tokenConfigured: c.calendlyAccessTokenEnc !== null,
    tokenLast4: c.calendlyAccessTokenEnc !== null ? c.calendlyAccessTokenLast4 : null,
    webhookUrl: workspaceWebhookUrl(publicWebhookBaseUrl, c.id),
    connection: {
      status: c.calendlyConnectionStatus,
      checkedAt: c.calendlyConnectionCheckedAt,
      userName: c.calendlyUserName,
      userEmail: c.calendlyUserEmail,
      userUri: c.calendlyUserUri,
      organizationUri: c.calendlyOrganizationUri,
      lastError: c.calendlyLastError,
    },
    subscription: subscriptionView(c),
  };
}
