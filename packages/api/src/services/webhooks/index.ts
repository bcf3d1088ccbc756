// Calendly webhook services: what the webhooks HTTP app, the operator commands and the tRPC
// router use. Nothing here imports @trpc/*.

export { createDeliveryBatcher, type DeliveryBatcher, type DeliveryBatcherOptions } from "./batch.ts";
export { isDatabaseUnavailable } from "./db-errors.ts";
export { type Decision, decide, type Outcome } from "./decide.ts";
export type { WebhookServiceDeps } from "./deps.ts";
export { idempotencyKey } from "./idempotency.ts";
export { listWebhookEvents, listWebhookEventsInput, type WebhookEventItem } from "./list.ts";
export {
  type DeliveryEnvelope,
  type DeliveryInput,
  type DeliveryResult,
  receiveDeliveries,
  receiveDelivery,
} from "./receive.ts";
export { type ReconcileSummary, reconcileCalendlyWorkspace, reconcileInput } from "./reconcile.ts";
export { type ReplayResult, replayWebhookEvents, replayWebhookEventsInput } from "./replay.ts";
export { createSigningKeyCache, loadSigningKey, type SigningKeyCache, type SigningKeyLookup } from "./signing-key.ts";
export { type PgPoolLike, pgRunner, prismaRunner, type SqlRunner } from "./sql.ts";
