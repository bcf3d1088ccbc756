import { email, minLength, type Rule, required, rules } from "~/lib/validate";

export type SignInValues = { mode: "sign-in" | "sign-up"; name: string; email: string; password: string };

const onSignUp =
  (rule: Rule<unknown>): Rule<SignInValues> =>
  (v, values) =>
    values.mode === "sign-up" ? rule(v, values) : null;

export const validateSignIn = rules<SignInValues>({
  name: [onSignUp(required("Enter your name"))],
  email: [required("Enter your email"), email()],
  password: [required("Enter your password"), onSignUp(minLength(8, "Use at least 8 characters"))],
});
