import type { Db, SecretBox } from "@booking/db";

/** What reconciliation needs (its callers: the tRPC router, the worker's health check, the operator command). */
export type WebhookServiceDeps = {
  db: Db;
  secrets: SecretBox;
  clock?: () => Date;
};

export const now = (deps: { clock?: () => Date }): Date => (deps.clock ? deps.clock() : new Date());
