import { z } from "zod";
import { email, input, text, workspaceId } from "../../lib/validators.ts";

const role = z.enum(["ADMIN", "SETTER", "INBOX_MANAGER"], { message: "Pick a role" });
const invitationId = text().trim().min(1, "Invitation is required").max(64, "Invitation id is too long");
/** An invitation token as issued (43 base64url characters); anything else cannot be one. */
const token = text().trim().min(1, "The invitation link is incomplete").max(200, "The invitation link is not valid");

export const listSchema = input({ workspaceId });
export const inviteSchema = input({ workspaceId, email, role });
export const invitationIdSchema = input({ workspaceId, invitationId });
export const removeSchema = input({ workspaceId, email });
export const tokenSchema = input({ token });
export const acceptNewSchema = input({
  token,
  name: text().trim().min(1, "Enter your name").max(200, "Name is at most 200 characters"),
  password: text().min(8, "Use at least 8 characters").max(128, "Use at most 128 characters"),
});
