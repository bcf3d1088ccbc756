import type { CalendlyClientFactory, CalendlyOAuthClient } from "@booking/calendly";
import type { Db, SecretBox } from "@booking/db";
import type { SqlQuery } from "../../lib/sql.ts";

export type CalendlyIntegrationDeps = {
  db: Db;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  clock: () => Date;
  /** Origin of the webhooks server (PUBLIC_WEBHOOK_BASE_URL). */
  publicWebhookBaseUrl: string;
  /** The Calendly OAuth app (connect, refresh, revoke); null or absent: personal access tokens only. */
  oauth?: CalendlyOAuthClient | null;
  /** Where the hot reads run (the web server's pg pool); default: through `db`. */
  sql?: SqlQuery;
  /** Who acts, for the integration's event log: "user:<email>", "platform", "worker". Default "system". */
  actor?: string;
};
