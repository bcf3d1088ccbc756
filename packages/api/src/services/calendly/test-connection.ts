import { isCalendlyApiError } from "@booking/calendly";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { type EventTypeOption, toEventTypeOption } from "./event-type-option.ts";
import { loadIntegration } from "./integration-state.ts";
import { calendlyToDomainError } from "./map-error.ts";
import { clientForWorkspace } from "./token.ts";

export type ConnectionTestResult = {
  user: { uri: string; name: string; email: string };
  organizationUri: string;
  eventTypes: EventTypeOption[];
};

/**
 * GET /users/me and the user's event types with the stored token. The outcome (status, user,
 * organization, last error, time) is recorded on the workspace either way; a failure is rethrown
 * as a precise domain error ("invalid token", "rate limited, retry after N s", "Calendly unavailable").
 */
export async function testCalendlyConnection(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<ConnectionTestResult> {
  const state = await loadIntegration(deps.db, workspaceId);
  // A person testing may find that a token the worker gave up on works again.
  const calendly = await clientForWorkspace(deps, state, { allowReconnectNeeded: true });
  try {
    const user = await calendly.getCurrentUser();
    const eventTypes = await calendly.listEventTypes({ user: user.uri });
    await deps.db.client.update({
      where: { id: workspaceId },
      data: {
        calendlyConnectionStatus: "CONNECTED",
        calendlyConnectionCheckedAt: deps.clock(),
        calendlyUserUri: user.uri,
        calendlyUserName: user.name,
        calendlyUserEmail: user.email,
        calendlyOrganizationUri: user.current_organization,
        calendlyLastError: null,
      },
      select: { id: true },
    });
    return {
      user: { uri: user.uri, name: user.name, email: user.email },
      organizationUri: user.current_organization,
      eventTypes: eventTypes.map(toEventTypeOption),
    };
  } catch (error) {
    const mapped = calendlyToDomainError(error);
    const message = mapped instanceof Error ? mapped.message : "Connection test failed";
    // A refused token was already marked RECONNECT_NEEDED by the token service: keep that status.
    const refused = isCalendlyApiError(error) && error.kind === "unauthorized";
    await deps.db.client.update({
      where: { id: workspaceId },
      data: {
        ...(refused ? {} : { calendlyConnectionStatus: "ERROR" as const }),
        calendlyConnectionCheckedAt: deps.clock(),
        calendlyLastError: message,
      },
      select: { id: true },
    });
    throw mapped;
  }
}
