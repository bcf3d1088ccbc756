import { createHash } from "node:crypto";

/**
 * Calendly sends no delivery id, so the key is derived from the payload: event name + invitee URI.
 * No-show marks can be added and removed more than once, so their key also carries the no-show
 * URI (created) or the envelope time (deleted). Events we do not map are keyed by a hash of the
 * whole envelope (a redelivery carries the same bytes).
 */
export function idempotencyKey(input: {
  event: string;
  createdAt: string;
  inviteeUri?: string | null;
  noShowUri?: string | null;
  rawBody: string;
}): string {
  const { event, inviteeUri } = input;
  if (inviteeUri && (event === "invitee.created" || event === "invitee.canceled")) return `${event}:${inviteeUri}`;
  if (inviteeUri && event === "invitee_no_show.created")
    return `${event}:${inviteeUri}:${input.noShowUri ?? input.createdAt}`;
  if (inviteeUri && event === "invitee_no_show.deleted") return `${event}:${inviteeUri}:${input.createdAt}`;
  return `${event}:sha256:${createHash("sha256").update(input.rawBody).digest("hex")}`;
}
