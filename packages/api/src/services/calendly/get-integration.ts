import type { CalendlyIntegrationDeps } from "./deps.ts";
import { loadIntegration } from "./integration-state.ts";
import { type CalendlyIntegrationView, integrationView } from "./integration-view.ts";

export async function getCalendlyIntegration(
  deps: Pick<CalendlyIntegrationDeps, "db" | "publicWebhookBaseUrl">,
  workspaceId: string,
): Promise<CalendlyIntegrationView> {
  return integrationView(await loadIntegration(deps.db, workspaceId), deps.publicWebhookBaseUrl);
}
