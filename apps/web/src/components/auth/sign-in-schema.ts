import { email, required, rules } from "~/lib/validate";

export type SignInValues = { email: string; password: string };

export const validateSignIn = rules<SignInValues>({
  email: [required("Enter your email"), email()],
  password: [required("Enter your password")],
});
