import type { Db, MeetingBookingProvider, MemberRole } from "@booking/db";
import { normalizeEmail } from "@booking/db";
import type { Actor } from "../access/actor.ts";

export type WorkspaceSummary = { id: string; name: string; roles: MemberRole[]; provider: MeetingBookingProvider };

/** The actor's workspaces (all of them for platform admins), by name. */
export async function listWorkspaces(deps: { db: Db }, actor: Actor): Promise<WorkspaceSummary[]> {
  const where = actor.kind === "platform" ? {} : { members: { some: { email: normalizeEmail(actor.email) } } };
  const rows = await deps.db.client.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      settings: { select: { meetingBookingProvider: true } },
      members:
        actor.kind === "platform" ? false : { where: { email: normalizeEmail(actor.email) }, select: { role: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    roles: [...new Set((r.members ?? []).map((m) => m.role))],
    provider: r.settings?.meetingBookingProvider ?? "GHL",
  }));
}
