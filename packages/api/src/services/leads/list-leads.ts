import type { AppointmentStatus, Db } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { type LeadListItem, leadListSelect } from "./lead-view.ts";

export type ListLeadsInput = { workspaceId: string; status?: AppointmentStatus; cursor?: string; limit?: number };

/** Newest first, `limit` (default 50) per page; `nextCursor` is the id to pass for the next page. */
export async function listLeads(
  deps: { db: Db },
  input: ListLeadsInput,
): Promise<{ items: LeadListItem[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const where = { clientId: input.workspaceId, ...(input.status ? { appointmentStatus: input.status } : {}) };
  if (input.cursor) {
    const anchor = await deps.db.lead.findFirst({
      where: { id: input.cursor, clientId: input.workspaceId },
      select: { id: true },
    });
    if (!anchor)
      throw new DomainError("INVALID_INPUT", "Unknown cursor", { fieldErrors: { cursor: ["Unknown cursor"] } });
  }
  const rows = await deps.db.lead.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: leadListSelect,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
