// The workspace's inbox, newest first, paged by keyset on (receivedAt, id) with an opaque cursor.
// Raw bodies never leave the server; only the invitee's email is taken from them.
import type { WebhookEventStatus } from "@booking/db";
import { decodeCursor, toPage } from "../../lib/keyset.ts";
import type { SqlQuery } from "../../lib/sql.ts";
import { type InboxListRow, selectInboxPage } from "./inbox-table.ts";
import { cleanText } from "./text.ts";

export type ListWebhookEventsInput = {
  workspaceId: string;
  status?: WebhookEventStatus;
  /** Default 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
};

export type WebhookEventItem = Omit<InboxListRow, "rawBody"> & { inviteeEmail: string | null };

function inviteeEmail(rawBody: string): string | null {
  try {
    const email = (JSON.parse(rawBody) as { payload?: { email?: unknown } }).payload?.email;
    return typeof email === "string" ? cleanText(email) : null;
  } catch {
    return null;
  }
}

export async function listWebhookEvents(
  deps: { sql: SqlQuery },
  input: ListWebhookEventsInput,
): Promise<{ items: WebhookEventItem[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const rows = await selectInboxPage(deps.sql, {
    workspaceId: input.workspaceId,
    status: input.status,
    before: input.cursor ? decodeCursor(input.workspaceId, input.cursor) : undefined,
    limit: limit + 1,
  });
  return toPage(
    rows,
    limit,
    input.workspaceId,
    (r) => ({ at: r.receivedAt, id: r.id }),
    ({ rawBody, ...r }) => ({ ...r, inviteeEmail: inviteeEmail(rawBody) }),
  );
}
