// Replays stored deliveries through the same mapper as live ones (operator command and tRPC).
import { parseCalendlyWebhook } from "@booking/calendly/webhooks";
import type { WebhookEventStatus } from "@booking/db";
import { Prisma } from "@booking/db";
import { z } from "zod";
import { DomainError } from "../../errors.ts";
import { isDatabaseUnavailable, isRetryableConflict, isUniqueViolation } from "./db-errors.ts";
import { now, sqlOf, type WebhookServiceDeps } from "./deps.ts";
import { inviteeFacts, isInviteeEvent } from "./facts.ts";
import { mapInviteeEvent } from "./map-invitee.ts";
import { errorText } from "./receive.ts";

export const replayWebhookEventsInput = z
  .object({
    workspaceId: z.string().min(1).optional(),
    ids: z.array(z.string().min(1)).min(1).max(500).optional(),
    status: z.enum(["FAILED", "RECEIVED"]).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .refine((v) => v.ids !== undefined || v.status !== undefined || v.workspaceId !== undefined, {
    message: "Give ids, a status or a workspace",
  });

export type ReplayResult = { id: string; status: WebhookEventStatus; outcome: string | null; error: string | null };

const MAX_ATTEMPTS = 5;

/**
 * Chosen `ids` are replayed whatever their status (the mapper is idempotent); otherwise the
 * deliveries with `status` (default FAILED), oldest first, optionally of one workspace.
 */
export async function replayWebhookEvents(
  deps: WebhookServiceDeps,
  input: z.input<typeof replayWebhookEventsInput>,
): Promise<{ results: ReplayResult[] }> {
  const parsed = replayWebhookEventsInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError("INVALID_INPUT", "Invalid replay request", {
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    });
  const { workspaceId, ids, status, limit } = parsed.data;
  const rows = await deps.db.webhookEvent.findMany({
    where: {
      ...(workspaceId ? { clientId: workspaceId } : {}),
      ...(ids ? { id: { in: ids } } : { status: status ?? "FAILED" }),
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: ids ? ids.length : (limit ?? 100),
    select: { id: true },
  });
  if (ids && rows.length !== new Set(ids).size) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new DomainError("NOT_FOUND", `Unknown webhook event(s): ${missing.slice(0, 5).join(", ")}`, {
      fieldErrors: { ids: ["Unknown webhook event id"] },
    });
  }
  const results: ReplayResult[] = [];
  for (const { id } of rows) results.push(await replayOne(deps, id));
  return { results };
}

async function replayOne(deps: WebhookServiceDeps, id: string): Promise<ReplayResult> {
  const at = now(deps);
  const head = await deps.db.webhookEvent.findUniqueOrThrow({
    where: { id },
    select: { clientId: true, eventName: true, rawBody: true },
  });
  const parsed = parseCalendlyWebhook(head.rawBody);
  if (!parsed.ok || !isInviteeEvent(parsed.envelope.event) || !parsed.invitee) {
    const unmapped =
      parsed.ok && !isInviteeEvent(parsed.envelope.event)
        ? { status: "IGNORED" as const, outcome: "unhandled_event", error: null }
        : {
            status: "FAILED" as const,
            outcome: "invalid_payload",
            error: parsed.ok ? "payload does not match Calendly's invitee schema" : parsed.error,
          };
    await deps.db.webhookEvent.update({
      where: { id },
      data: { ...unmapped, attempts: { increment: 1 }, processedAt: at },
    });
    return { id, ...unmapped };
  }
  const facts = inviteeFacts(parsed.envelope.event, parsed.envelope.created_at, parsed.invitee);
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await sqlOf(deps).transaction(async (tx) => {
        // The inbox row first (two replays of one row wait for each other), then the leads, as live.
        await tx.query(Prisma.sql`SELECT id FROM "WebhookEvent" WHERE id = ${id} FOR UPDATE`);
        return mapInviteeEvent(tx, { eventId: id, workspaceId: head.clientId, facts, at });
      });
      return { id, status: r.status, outcome: r.outcome, error: null };
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      if ((isRetryableConflict(error) || isUniqueViolation(error)) && attempt < MAX_ATTEMPTS) continue;
      const e = errorText(error);
      await deps.db.webhookEvent.update({
        where: { id },
        data: { status: "FAILED", outcome: "mapping_failed", error: e, attempts: { increment: 1 }, processedAt: at },
      });
      return { id, status: "FAILED", outcome: "mapping_failed", error: e };
    }
  }
}
