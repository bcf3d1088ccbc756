import { Prisma, secretContext } from "@booking/db";
import { sqlOf } from "./deps.ts";
import type { WebhookServiceDeps } from "./deps.ts";

export type SigningKeyLookup =
  | { kind: "ok"; signingKey: string; lastWebhookAt: Date | null }
  | { kind: "unknown_workspace" }
  | { kind: "no_signing_key" };

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The only database read before a delivery's signature is checked: the workspace's signing key.
 * Not cached, so a rotated key takes effect at once. Throws DecryptionError when the stored key
 * cannot be decrypted (a server misconfiguration, not the sender's fault).
 */
export async function loadSigningKey(deps: Pick<WebhookServiceDeps, "db" | "secrets" | "sql">, workspaceId: string): Promise<SigningKeyLookup> {
  if (!WORKSPACE_ID.test(workspaceId)) return { kind: "unknown_workspace" };
  const rows = await sqlOf(deps).query<{ enc: string | null; last: Date | null }>(Prisma.sql`
    SELECT "calendlyWebhookSigningKeyEnc" AS enc, "calendlyLastWebhookAt" AS last FROM "Client" WHERE id = ${workspaceId}`);
  const row = rows[0];
  if (!row) return { kind: "unknown_workspace" };
  if (!row.enc) return { kind: "no_signing_key" };
  return { kind: "ok", signingKey: deps.secrets.decrypt(row.enc, secretContext.calendlySigningKey(workspaceId)), lastWebhookAt: row.last };
}
