import type { CalendlyUser } from "@booking/calendly";
import { type CalendlySubscriptionScope, type MeetingBookingProvider, type Prisma, secretContext } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import { disconnectEvent, forgottenConnection, releaseCredentials } from "./connection.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { ensureCalendlySubscription } from "./ensure-subscription.ts";
import { getCalendlyIntegration } from "./get-integration.ts";
import { actorOf, type IntegrationEventInput, integrationEventData } from "./integration-events.ts";
import { loadIntegration } from "./integration-state.ts";
import { type CalendlyIntegrationView, canUseOrganizationScope } from "./integration-view.ts";
import { callCalendly } from "./map-error.ts";
import { lookupOrganizationRole } from "./organization-role.ts";
import { forgottenSubscription } from "./remove-subscription.ts";
import { withSubscriptionLease } from "./subscription-lease.ts";

export type UpdateCalendlyIntegrationInput = {
  provider?: MeetingBookingProvider;
  enabled?: boolean;
  eventTypeLink?: string | null;
  eventTypeUri?: string | null;
  eventTypeName?: string | null;
  /** A new personal access token; `null` disconnects (as `disconnect`). */
  token?: string | null;
  /** Store a new token without checking it against Calendly (recorded on the workspace). */
  skipVerification?: boolean;
  /** Scope of the webhook subscription; `organization` needs an owner or admin of the Calendly organization. */
  subscriptionScope?: CalendlySubscriptionScope;
};

export const SKIPPED_VERIFICATION_NOTE = "Token saved without verification (skipVerification); run Test connection";

/**
 * Partial update of the Calendly integration.
 * - A new personal access token is verified with GET /users/me before it is stored (unless
 *   skipVerification); it is stored encrypted with its last 4 characters, replaces an OAuth
 *   connection (whose tokens are revoked), and the connection status is reset.
 * - `token: null` disconnects: Calendly is turned off, the webhook subscription is deleted at
 *   Calendly (best effort), an OAuth token is revoked, and every credential is forgotten.
 * - Choosing Calendly as provider turns it on; turning it on requires a token and an event type link.
 * - A new subscription scope is applied at once when a subscription exists (it is recreated).
 */
export async function updateCalendlyIntegration(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
  input: UpdateCalendlyIntegrationInput,
): Promise<CalendlyIntegrationView> {
  // Removing or replacing credentials and changing the scope touch the subscription at Calendly:
  // serialized like ensure/remove.
  const scopeChange = await (input.token === null || input.subscriptionScope !== undefined
    ? withSubscriptionLease(deps, workspaceId, () => applyUpdate(deps, workspaceId, input))
    : applyUpdate(deps, workspaceId, input));
  if (scopeChange) await ensureCalendlySubscription(deps, workspaceId);
  return getCalendlyIntegration(deps, workspaceId);
}

/** Applies the update; true when the subscription must be recreated in a new scope. */
async function applyUpdate(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
  input: UpdateCalendlyIntegrationInput,
): Promise<boolean> {
  const state = await loadIntegration(deps.db, workspaceId);
  const now = deps.clock();
  const settings = state.settings;

  const provider = input.provider ?? settings?.meetingBookingProvider ?? "GHL";
  const eventTypeLink =
    input.eventTypeLink === undefined ? (settings?.calendlyEventTypeLink ?? null) : input.eventTypeLink;
  const eventTypeUri = input.eventTypeUri === undefined ? (settings?.calendlyEventTypeUri ?? null) : input.eventTypeUri;
  const eventTypeName =
    input.eventTypeName === undefined ? (settings?.calendlyEventTypeName ?? null) : input.eventTypeName;
  const tokenConfigured = input.token === undefined ? state.calendlyAccessTokenEnc !== null : input.token !== null;
  const enabled =
    input.enabled ?? (input.provider === "CALENDLY" ? true : input.token === null ? false : state.calendlyEnabled);

  const fieldErrors: Record<string, string[]> = {};
  if (input.enabled === false && provider === "CALENDLY") {
    fieldErrors.enabled = ["Calendly is the booking provider: switch the provider to GHL before disabling Calendly"];
  }
  if (enabled || input.provider === "CALENDLY") {
    if (!tokenConfigured) fieldErrors.token = ["A Calendly access token is required to enable Calendly"];
    if (!eventTypeLink) fieldErrors.eventTypeLink = ["Choose the Calendly event type leads should book"];
  }
  if (input.subscriptionScope === "organization" && (typeof input.token === "string" || input.token === null)) {
    fieldErrors.subscriptionScope = ["Choose the subscription scope once the new connection is saved"];
  } else if (input.subscriptionScope === "organization" && !canUseOrganizationScope(state.calendlyOrganizationRole)) {
    fieldErrors.subscriptionScope = [
      "An organization-scope subscription needs a connection of an owner or admin of the Calendly organization",
    ];
  }
  if (Object.keys(fieldErrors).length > 0) {
    const message = Object.entries(fieldErrors)
      .map(([, m]) => m[0])
      .join("; ");
    throw new DomainError("PRECONDITION_FAILED", message, { fieldErrors });
  }

  const data: Prisma.ClientUpdateInput = { calendlyEnabled: enabled };
  let event: IntegrationEventInput | undefined;

  if (typeof input.token === "string") {
    const token = input.token;
    let user: CalendlyUser | undefined;
    let role: string | null = null;
    if (!input.skipVerification) {
      const calendly = deps.calendlyFor(token);
      user = await callCalendly(() => calendly.getCurrentUser(), { tokenField: true });
      role = await lookupOrganizationRole(calendly, user.uri).catch(() => null);
    }
    if (state.calendlyAuthMethod === "OAUTH")
      await releaseCredentials(deps, state, { deleteSubscription: false }).catch(() => undefined);
    Object.assign(data, {
      ...forgottenConnection(),
      calendlySubscriptionScope: state.calendlySubscriptionScope,
      calendlyAuthMethod: "PERSONAL_TOKEN",
      calendlyAccessTokenEnc: deps.secrets.encrypt(token, secretContext.calendlyAccessToken(workspaceId)),
      calendlyAccessTokenLast4: token.slice(-4),
      calendlyConnectionStatus: user ? "CONNECTED" : "UNKNOWN",
      calendlyConnectionCheckedAt: user ? now : null,
      calendlyUserUri: user?.uri ?? null,
      calendlyUserName: user?.name ?? null,
      calendlyUserEmail: user?.email ?? null,
      calendlyOrganizationUri: user?.current_organization ?? null,
      calendlyOrganizationRole: role,
      calendlyLastError: user ? null : SKIPPED_VERIFICATION_NOTE,
      calendlyReconcileFrom: state.calendlyReconcileFrom,
    } satisfies Prisma.ClientUpdateInput);
    if (!canUseOrganizationScope(role)) data.calendlySubscriptionScope = "user";
    event = {
      workspaceId,
      kind: "CONNECTED",
      actor: actorOf(deps),
      message: user
        ? `Connected Calendly with a personal access token (…${token.slice(-4)}) as ${user.name} (${user.email})`
        : `Saved a personal access token (…${token.slice(-4)}) without verifying it`,
      at: now,
    };
  } else if (input.token === null && state.calendlyAccessTokenEnc) {
    const released = await releaseCredentials(deps, state, { deleteSubscription: true });
    Object.assign(data, { ...forgottenConnection(), ...forgottenSubscription(now) });
    event = disconnectEvent(deps, state, released, now);
  } else if (input.subscriptionScope !== undefined) {
    data.calendlySubscriptionScope = input.subscriptionScope;
  }

  const settingsData = {
    meetingBookingProvider: provider,
    calendlyEventTypeLink: eventTypeLink,
    calendlyEventTypeUri: eventTypeUri,
    calendlyEventTypeName: eventTypeName,
  };
  try {
    await deps.db.$transaction([
      deps.db.client.update({ where: { id: workspaceId }, data, select: { id: true } }),
      deps.db.workspaceSettings.upsert({
        where: { clientId: workspaceId },
        create: { clientId: workspaceId, ...settingsData },
        update: settingsData,
        select: { id: true },
      }),
      ...(event ? [deps.db.integrationEvent.create({ data: integrationEventData(event), select: { id: true } })] : []),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "This event type is already used by another workspace", {
        fieldErrors: { eventTypeUri: ["Another workspace already uses this event type"] },
        cause: error,
      });
    }
    throw error;
  }
  return (
    input.subscriptionScope !== undefined &&
    input.subscriptionScope !== state.calendlySubscriptionScope &&
    state.calendlyWebhookSubscriptionUri !== null
  );
}
