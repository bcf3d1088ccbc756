// The statements of the webhook path on "Client" (the workspace): its signing key, and when its
// last delivery arrived.
import { type Client, Prisma } from "@booking/db";
import { type Columns, columnList } from "../../lib/columns.ts";
import type { SqlQuery } from "../../lib/sql.ts";

const KEY_COLUMNS = { calendlyWebhookSigningKeyEnc: "text" } as const satisfies Columns<Client>;

/** The workspace's encrypted signing key: undefined for an unknown workspace, null when it has none. */
export async function selectSigningKey(q: SqlQuery, workspaceId: string): Promise<string | null | undefined> {
  const [row] = await q.query<Pick<Client, keyof typeof KEY_COLUMNS>>(Prisma.sql`
    SELECT ${columnList(KEY_COLUMNS)} FROM "Client" WHERE id = ${workspaceId}`);
  return row === undefined ? undefined : row.calendlyWebhookSigningKeyEnc;
}

/**
 * Client.calendlyLastWebhookAt (the health view): written only when a second old, outside the
 * inbox insert, so the workspace row is never a hot lock.
 */
export async function touchLastWebhookAt(q: SqlQuery, workspaceIds: string[], at: Date): Promise<void> {
  if (workspaceIds.length === 0) return;
  const before = new Date(at.getTime() - 1000);
  await q.query(Prisma.sql`
    UPDATE "Client" SET "calendlyLastWebhookAt" = ${at}::timestamp(3)
    WHERE id = ANY(${workspaceIds}::text[])
      AND ("calendlyLastWebhookAt" IS NULL OR "calendlyLastWebhookAt" < ${before}::timestamp(3))`);
}
