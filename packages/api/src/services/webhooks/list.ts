// The workspace's inbox, newest first, paged by keyset on (receivedAt, id) with an opaque cursor.
// Raw bodies never leave the server; only the invitee's email is taken from them.
import type { WebhookEventStatus } from "@booking/db";
import { DomainError } from "../../errors.ts";
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

type Position = { receivedAt: Date; id: string };

const encodeCursor = (p: Position) => Buffer.from(`${p.receivedAt.toISOString()}|${p.id}`).toString("base64url");

function decodeCursor(cursor: string): Position {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (!id || Number.isNaN(receivedAt.getTime()))
    throw new DomainError("INVALID_INPUT", "Invalid cursor", { fieldErrors: { cursor: ["Invalid cursor"] } });
  return { receivedAt, id };
}

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
    before: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ rawBody, ...r }) => ({ ...r, inviteeEmail: inviteeEmail(rawBody) })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
