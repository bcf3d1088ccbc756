import { z } from "zod";

export const signInSchema = z.object({
  mode: z.enum(["sign-in", "sign-up"]),
  name: z.string(),
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password"),
}).superRefine((values, ctx) => {
  if (values.mode !== "sign-up") return;
  if (values.name.trim().length === 0) ctx.addIssue({ code: "custom", path: ["name"], message: "Enter your name" });
  if (values.password.length > 0 && values.password.length < 8) {
    ctx.addIssue({ code: "custom", path: ["password"], message: "Use at least 8 characters" });
  }
});

export type SignInValues = z.input<typeof signInSchema>;
