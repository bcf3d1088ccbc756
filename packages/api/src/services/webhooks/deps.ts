import type { Db, SecretBox } from "@booking/db";
import { prismaRunner, type SqlRunner } from "./sql.ts";

/** What the webhook services need; composition roots (webhooks server, tRPC context, tests) build it. */
export type WebhookServiceDeps = {
  db: Db;
  secrets: SecretBox;
  clock?: () => Date;
  /** Where the delivery hot path runs its SQL; default: through `db` (Prisma). */
  sql?: SqlRunner;
};

export const sqlOf = (deps: Pick<WebhookServiceDeps, "db" | "sql">): SqlRunner => deps.sql ?? prismaRunner(deps.db);

export const now = (deps: { clock?: () => Date }): Date => (deps.clock ? deps.clock() : new Date());
