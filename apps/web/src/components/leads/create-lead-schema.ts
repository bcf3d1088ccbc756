import { email, maxLength, pattern, required, rules } from "~/lib/validate";

export type CreateLeadValues = { name: string; email: string; phone: string };

// Mirrors the API's leads.create input (packages/api/src/router/leads/create.schema.ts).
export const validateCreateLead = rules<CreateLeadValues>({
  name: [required("Enter the lead's name"), maxLength(200, "Use at most 200 characters")],
  email: [required("Enter the lead's email"), maxLength(320, "This email is too long"), email()],
  phone: [
    maxLength(40, "Use at most 40 characters"),
    pattern(/^\+?[0-9 ()./-]{4,}$/, "Enter a phone number such as +1 555 0100"),
  ],
});
