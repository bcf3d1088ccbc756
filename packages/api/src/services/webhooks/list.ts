import type { WebhookEventStatus } from "@booking/db";
import { z } from "zod";
import { DomainError } from "../../errors.ts";
import type { WebhookServiceDeps } from "./deps.ts";

export const listWebhookEventsInput = z.object({
  workspaceId: z.string().min(1),
  status: z.enum(["RECEIVED", "PROCESSED", "IGNORED", "FAILED"]).optional(),
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().min(1).optional(),
});

export type WebhookEventItem = {
  id: string;
  eventName: string;
  source: "WEBHOOK" | "RECONCILIATION";
  status: WebhookEventStatus;
  outcome: string | null;
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
  deliveryCount: number;
  attempts: number;
  leadId: string | null;
  inviteeEmail: string | null;
};

function inviteeEmail(rawBody: string): string | null {
  try {
    const email = (JSON.parse(rawBody) as { payload?: { email?: unknown } }).payload?.email;
    return typeof email === "string" ? email : null;
  } catch {
    return null;
  }
}

/** The workspace's inbox, newest first (raw bodies never leave the server; only the invitee email). */
export async function listWebhookEvents(
  deps: Pick<WebhookServiceDeps, "db">,
  input: z.input<typeof listWebhookEventsInput>,
): Promise<{ items: WebhookEventItem[]; nextCursor: string | null }> {
  const parsed = listWebhookEventsInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError("INVALID_INPUT", "Invalid inbox query", {
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    });
  const { workspaceId, status, cursor } = parsed.data;
  const limit = parsed.data.limit ?? 50;
  if (cursor) {
    const found = await deps.db.webhookEvent.findFirst({
      where: { id: cursor, clientId: workspaceId },
      select: { id: true },
    });
    if (!found)
      throw new DomainError("INVALID_INPUT", "Unknown cursor", { fieldErrors: { cursor: ["Unknown cursor"] } });
  }
  const rows = await deps.db.webhookEvent.findMany({
    where: { clientId: workspaceId, ...(status ? { status } : {}) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      eventName: true,
      source: true,
      status: true,
      outcome: true,
      error: true,
      receivedAt: true,
      processedAt: true,
      deliveryCount: true,
      attempts: true,
      leadId: true,
      rawBody: true,
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ rawBody, ...r }) => ({ ...r, inviteeEmail: inviteeEmail(rawBody) })),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
