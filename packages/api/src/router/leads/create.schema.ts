import { email, input, text, workspaceId } from "../../lib/validators.ts";

export const createSchema = input({
  workspaceId,
  name: text().trim().min(1, "Name is required").max(200, "Name is at most 200 characters"),
  email,
  phone: text()
    .trim()
    .max(40, "Phone is too long")
    .regex(/^\+?[0-9 ()./-]{4,}$/, "Invalid phone number")
    .nullish(),
});
