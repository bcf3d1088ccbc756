import type { CalendlyClientFactory } from "@booking/calendly";
import type { Db, SecretBox } from "@booking/db";

export type CalendlyIntegrationDeps = {
  db: Db;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  clock: () => Date;
  /** Origin of the webhooks server (PUBLIC_WEBHOOK_BASE_URL). */
  publicWebhookBaseUrl: string;
};
