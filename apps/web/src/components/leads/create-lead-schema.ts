import { z } from "zod";

export const createLeadSchema = z.object({
  name: z.string().trim().min(1, "Enter the lead's name").max(200, "Use at most 200 characters"),
  email: z.string().trim().min(1, "Enter the lead's email").pipe(z.email("Enter a valid email address")),
  phone: z
    .string()
    .trim()
    .max(40, "Use at most 40 characters")
    .refine((v) => v === "" || /^\+?[0-9 ()./-]{4,}$/.test(v), "Enter a phone number such as +1 555 0100"),
});

export type CreateLeadValues = z.input<typeof createLeadSchema>;
