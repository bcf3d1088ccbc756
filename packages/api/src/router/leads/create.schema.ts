import { z } from "zod";

export const createSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(200, "Name is at most 200 characters"),
  email: z
    .string()
    .trim()
    .max(320, "Email is too long")
    .pipe(z.email({ message: "Invalid email address" })),
  phone: z
    .string()
    .trim()
    .max(40, "Phone is too long")
    .regex(/^\+?[0-9 ()./-]{4,}$/, "Invalid phone number")
    .nullish(),
});
