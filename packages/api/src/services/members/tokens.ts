import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Only this is stored: the SHA-256 of the token (hex). */
export const hashInvitationToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A new unguessable token (256 bits) and its hash. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The link a person opens to accept: `<app origin>/invite/<token>` (a path when the origin is unknown). */
export const invitationUrl = (appUrl: string | undefined, token: string) =>
  `${(appUrl ?? "").replace(/\/+$/, "")}/invite/${token}`;
