// Keyset pagination, one way for every list (leads, the inbox, a lead's timeline): a page is read
// with `(time, id) < (…)` (or `>` oldest first) on an index that ends in (time, id), never with
// OFFSET, and the next page's position travels as an opaque cursor bound to the list it came
// from (a cursor of another workspace's or lead's list is refused, not reinterpreted).
import { DomainError } from "../errors.ts";

/** Where a page ends: the last row's time and id. */
export type Position = { at: Date; id: string };

export function encodeCursor(scope: string, position: Position): string {
  return Buffer.from(JSON.stringify([scope, position.at.getTime(), position.id])).toString("base64url");
}

const invalid = (message: string) => new DomainError("INVALID_INPUT", message, { fieldErrors: { cursor: [message] } });

/** The position a cursor made by `encodeCursor(scope, …)` carries; INVALID_INPUT on `cursor` otherwise. */
export function decodeCursor(scope: string, cursor: string): Position {
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
  if (parsed[0] !== scope) throw invalid("This cursor belongs to another list");
  return { at: new Date(parsed[1] as number), id: parsed[2] };
}

/**
 * A page out of `limit + 1` rows read after the cursor: the first `limit`, and the cursor of the
 * next page when there is one more row.
 */
export function toPage<T, U = T>(
  rows: T[],
  limit: number,
  scope: string,
  position: (row: T) => Position,
  map: (row: T) => U = (row) => row as unknown as U,
): { items: U[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(scope, position(last)) : null,
  };
}
