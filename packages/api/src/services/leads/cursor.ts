// The opaque cursor of leads.list: the position (createdAt, id) of the last row of a page, and the
// workspace it was made for (a cursor of another workspace's list is refused, not reinterpreted).
import { DomainError } from "../../errors.ts";

export type LeadCursor = { createdAt: Date; id: string };

export function encodeLeadCursor(workspaceId: string, position: LeadCursor): string {
  return Buffer.from(JSON.stringify([workspaceId, position.createdAt.getTime(), position.id])).toString("base64url");
}

const invalid = (message: string) => new DomainError("INVALID_INPUT", message, { fieldErrors: { cursor: [message] } });

export function decodeLeadCursor(workspaceId: string, cursor: string): LeadCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid("Invalid cursor");
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== "string" ||
    !Number.isSafeInteger(parsed[1]) ||
    typeof parsed[2] !== "string" ||
    parsed[2].length === 0 ||
    parsed[2].length > 64
  ) {
    throw invalid("Invalid cursor");
  }
  if (parsed[0] !== workspaceId) throw invalid("This cursor belongs to another workspace's list");
  const createdAt = new Date(parsed[1] as number);
  if (Number.isNaN(createdAt.getTime())) throw invalid("Invalid cursor");
  return { createdAt, id: parsed[2] };
}
