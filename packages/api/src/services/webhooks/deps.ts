import type { Db, SecretBox } from "@booking/db";

/** What the webhook services need; composition roots (webhooks server, tRPC context, tests) build it. */
export type WebhookServiceDeps = { db: Db; secrets: SecretBox; clock?: () => Date };

export const now = (deps: { clock?: () => Date }): Date => (deps.clock ? deps.clock() : new Date());
