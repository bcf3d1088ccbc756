// Calendly webhook services: what the webhooks HTTP app, the operator commands and the tRPC
// router use. Nothing here imports @trpc/*.
export type { WebhookServiceDeps } from "./deps.ts";
export { loadSigningKey, createSigningKeyCache, type SigningKeyLookup, type SigningKeyCache } from "./signing-key.ts";
export { receiveDelivery, receiveDeliveries, type DeliveryInput, type DeliveryResult, type DeliveryEnvelope } from "./receive.ts";
export { createDeliveryBatcher, type DeliveryBatcher, type DeliveryBatcherOptions } from "./batch.ts";
export { listWebhookEvents, listWebhookEventsInput, type WebhookEventItem } from "./list.ts";
export { replayWebhookEvents, replayWebhookEventsInput, type ReplayResult } from "./replay.ts";
export { reconcileCalendlyWorkspace, reconcileInput, type ReconcileSummary } from "./reconcile.ts";
export { isDatabaseUnavailable } from "./db-errors.ts";
export { idempotencyKey } from "./idempotency.ts";
export { decide, type Decision, type Outcome } from "./decide.ts";
export { prismaRunner, pgRunner, type SqlRunner, type PgPoolLike } from "./sql.ts";
