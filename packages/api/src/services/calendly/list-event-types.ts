import type { CalendlyIntegrationDeps } from "./deps.ts";
import { type EventTypeOption, toEventTypeOption } from "./event-type-option.ts";
import { loadIntegration } from "./integration-state.ts";
import { callCalendly } from "./map-error.ts";
import { clientForWorkspace } from "./token.ts";

/** The event types of the token's user (every page), for the event type picker. */
export async function listCalendlyEventTypes(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
): Promise<EventTypeOption[]> {
  const state = await loadIntegration(deps.db, workspaceId);
  const calendly = await clientForWorkspace(deps, state);
  const userUri = state.calendlyUserUri ?? (await callCalendly(() => calendly.getCurrentUser())).uri;
  const eventTypes = await callCalendly(() => calendly.listEventTypes({ user: userUri }));
  return eventTypes.map(toEventTypeOption);
}
