// What the worker's sweep schedules: the workspaces whose subscription it checks, and the OAuth
// tokens it renews ahead of expiry.
import type { Db } from "@booking/db";

/** Workspaces the health check looks after: Calendly on, credentials stored, not waiting for a reconnect. */
export async function calendlyWorkspacesToCheck(db: Db): Promise<string[]> {
  const rows = await db.client.findMany({
    where: {
      calendlyEnabled: true,
      calendlyAccessTokenEnc: { not: null },
      calendlyConnectionStatus: { not: "RECONNECT_NEEDED" },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

/** OAuth workspaces whose access token expires before `before` (and can still be renewed). */
export async function calendlyTokensExpiringBefore(
  db: Db,
  before: Date,
): Promise<{ workspaceId: string; expiresAt: Date | null }[]> {
  const rows = await db.client.findMany({
    where: {
      calendlyAuthMethod: "OAUTH",
      calendlyRefreshTokenEnc: { not: null },
      calendlyConnectionStatus: { not: "RECONNECT_NEEDED" },
      OR: [{ calendlyAccessTokenExpiresAt: null }, { calendlyAccessTokenExpiresAt: { lt: before } }],
    },
    select: { id: true, calendlyAccessTokenExpiresAt: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ workspaceId: r.id, expiresAt: r.calendlyAccessTokenExpiresAt }));
}
