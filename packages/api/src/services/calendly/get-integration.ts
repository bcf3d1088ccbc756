import { prismaRunner } from "../../lib/sql.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { recentIntegrationEvents } from "./integration-events.ts";
import { loadIntegration } from "./integration-state.ts";
import { type CalendlyIntegrationView, integrationView } from "./integration-view.ts";

export async function getCalendlyIntegration(
  deps: Pick<CalendlyIntegrationDeps, "db" | "sql" | "publicWebhookBaseUrl" | "oauth">,
  workspaceId: string,
): Promise<CalendlyIntegrationView> {
  const sql = deps.sql ?? prismaRunner(deps.db);
  const [state, events] = await Promise.all([
    loadIntegration(deps.db, workspaceId, sql),
    recentIntegrationEvents(sql, workspaceId),
  ]);
  return integrationView(state, {
    publicWebhookBaseUrl: deps.publicWebhookBaseUrl,
    oauthAvailable: Boolean(deps.oauth),
    events,
  });
}
