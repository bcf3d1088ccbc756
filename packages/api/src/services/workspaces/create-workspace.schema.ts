import { normalizeEmail } from "@booking/db";
import { z } from "zod";
import { email as emailField, input, text } from "../../lib/validators.ts";

const email = emailField.transform(normalizeEmail);
const emailList = z.array(email).max(500, "At most 500 emails").optional();

/** Input of workspace provisioning (tRPC `workspaces.create` and `POST /api/admin/workspaces`). */
export const createWorkspaceInput = input({
  name: text().trim().min(1, "Name is required").max(200, "Name is at most 200 characters"),
  setterEmails: emailList,
  inboxManagerEmails: emailList,
  /** Legacy single inbox manager; merged into inboxManagerEmails. */
  inboxManagerEmail: email.optional(),
  adminEmails: emailList,
});

export type CreateWorkspaceInput = z.input<typeof createWorkspaceInput>;
export type CreateWorkspaceParsed = z.output<typeof createWorkspaceInput>;
