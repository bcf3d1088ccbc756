// Calendly webhook services: what the webhooks server, the worker, the operator commands and the
// tRPC router use. Nothing here imports @trpc/*.

export { isDatabaseUnavailable } from "../../lib/db-errors.ts";
export { createSqlPool, pgSqlRunner, prismaRunner, type SqlPool, type SqlRunner } from "../../lib/sql.ts";
export { createDeliveryBatcher, type DeliveryBatcher, type DeliveryBatcherOptions } from "./batch.ts";
export { type ListWebhookEventsInput, listWebhookEvents, type WebhookEventItem } from "./list.ts";
export { type BatchSummary, drainInbox, type InboxDeps, mapNextBatch } from "./map-inbox.ts";
export type { Delivery, StoredDelivery } from "./receive.ts";
export { type ReconcileInput, type ReconcileSummary, reconcileCalendlyWorkspace } from "./reconcile.ts";
export { type ReplayRequest, type ReplayResult, replayWebhookEvents } from "./replay.ts";
export { deleteOldInboxRows } from "./retention.ts";
export { createSigningKeyCache, type SigningKeyCache, type SigningKeyLookup } from "./signing-key.ts";
