import type { CalendlyUser } from "@booking/calendly";
import { type MeetingBookingProvider, Prisma, secretContext } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { loadIntegration } from "./integration-state.ts";
import { type CalendlyIntegrationView, integrationView } from "./integration-view.ts";
import { callCalendly } from "./map-error.ts";
import { forgottenSubscription } from "./remove-subscription.ts";
import { withSubscriptionLease } from "./subscription-lease.ts";
import { clientForWorkspace } from "./token.ts";

export type UpdateCalendlyIntegrationInput = {
  provider?: MeetingBookingProvider;
  enabled?: boolean;
  eventTypeLink?: string | null;
  eventTypeUri?: string | null;
  eventTypeName?: string | null;
  /** A new access token; `null` removes the stored one. */
  token?: string | null;
  /** Store a new token without checking it against Calendly (recorded on the workspace). */
  skipVerification?: boolean;
};

export const SKIPPED_VERIFICATION_NOTE = "Token saved without verification (skipVerification); run Test connection";

/**
 * Partial update of the Calendly integration.
 * - A new token is verified with GET /users/me before it is stored (unless skipVerification);
 *   it is stored encrypted with its last 4 characters, and the connection status is reset.
 * - Removing the token disables Calendly, removes the webhook subscription at Calendly
 *   (best effort) and clears the signing key.
 * - Choosing Calendly as provider turns it on; turning it on requires a token and an event type link.
 */
export async function updateCalendlyIntegration(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
  input: UpdateCalendlyIntegrationInput,
): Promise<CalendlyIntegrationView> {
  // Removing the token deletes the subscription at Calendly: serialized like ensure/remove.
  if (input.token === null)
    return withSubscriptionLease(deps, workspaceId, () => applyUpdate(deps, workspaceId, input));
  return applyUpdate(deps, workspaceId, input);
}

async function applyUpdate(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
  input: UpdateCalendlyIntegrationInput,
): Promise<CalendlyIntegrationView> {
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
  if (Object.keys(fieldErrors).length > 0) {
    const message = Object.entries(fieldErrors)
      .map(([, m]) => m[0])
      .join("; ");
    throw new DomainError("PRECONDITION_FAILED", message, { fieldErrors });
  }

  const data: Prisma.ClientUpdateInput = { calendlyEnabled: enabled };

  if (typeof input.token === "string") {
    const token = input.token;
    let user: CalendlyUser | undefined;
    if (!input.skipVerification) {
      user = await callCalendly(() => deps.calendlyFor(token).getCurrentUser(), { tokenField: true });
    }
    Object.assign(data, {
      calendlyAccessTokenEnc: deps.secrets.encrypt(token, secretContext.calendlyAccessToken(workspaceId)),
      calendlyAccessTokenLast4: token.slice(-4),
      calendlyConnectionStatus: user ? "CONNECTED" : "UNKNOWN",
      calendlyConnectionCheckedAt: user ? now : null,
      calendlyUserUri: user?.uri ?? null,
      calendlyUserName: user?.name ?? null,
      calendlyUserEmail: user?.email ?? null,
      calendlyOrganizationUri: user?.current_organization ?? null,
      calendlyLastError: user ? null : SKIPPED_VERIFICATION_NOTE,
    } satisfies Prisma.ClientUpdateInput);
  } else if (input.token === null && state.calendlyAccessTokenEnc) {
    if (state.calendlyWebhookSubscriptionUri) {
      const uri = state.calendlyWebhookSubscriptionUri;
      // Best effort: the token may already be revoked; the hook then dies on its own after 24 h of failures.
      await (async () => clientForWorkspace(deps, state).deleteWebhookSubscription(uri))().catch(() => undefined);
    }
    Object.assign(data, {
      calendlyAccessTokenEnc: null,
      calendlyAccessTokenLast4: null,
      calendlyConnectionStatus: "UNKNOWN",
      calendlyConnectionCheckedAt: null,
      calendlyUserUri: null,
      calendlyUserName: null,
      calendlyUserEmail: null,
      calendlyOrganizationUri: null,
      calendlyLastError: null,
      ...forgottenSubscription(now),
    } satisfies Prisma.ClientUpdateInput);
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
    ]);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", "This event type is already used by another workspace", {
        fieldErrors: { eventTypeUri: ["Another workspace already uses this event type"] },
        cause: error,
      });
    }
    throw error;
  }
  return integrationView(await loadIntegration(deps.db, workspaceId), deps.publicWebhookBaseUrl);
}
