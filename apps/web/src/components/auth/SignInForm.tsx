"use client";

import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { authClient } from "~/lib/auth-client";
import { type SignInValues, validateSignIn } from "./sign-in-schema";

type AuthError = { message?: string; code?: string; status?: number } | null | undefined;

function describeAuthError(
  error: AuthError,
  mode: SignInValues["mode"],
): { field?: "email" | "password"; message: string } {
  const code = error?.code ?? "";
  if (code === "INVALID_EMAIL_OR_PASSWORD") return { field: "password", message: "Wrong email or password" };
  if (code === "USER_ALREADY_EXISTS" || code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
    return { field: "email", message: "An account with this email exists: sign in instead" };
  }
  if (code === "PASSWORD_TOO_SHORT") return { field: "password", message: "Use at least 8 characters" };
  if (error?.status === 429) return { message: "Too many attempts. Wait a minute and try again." };
  if (mode === "sign-up" && (error?.status === 403 || error?.status === 400)) {
    return { field: "email", message: error?.message || "This email has not been invited to a workspace" };
  }
  return { message: error?.message || "Sign-in failed. Try again." };
}

function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const form = useForm<SignInValues>({
    mode: "controlled",
    initialValues: { mode: "sign-in", name: "", email: "", password: "" },
    validate: validateSignIn,
    validateInputOnChange: true,
  });
  const mode = form.values.mode;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setSubmitting(true);
    try {
      const email = values.email.trim();
      const result =
        values.mode === "sign-in"
          ? await authClient.signIn.email({ email, password: values.password })
          : await authClient.signUp.email({ email, password: values.password, name: values.name.trim() });
      if (result.error) {
        const { field, message } = describeAuthError(result.error, values.mode);
        if (field) form.setFieldError(field, message);
        else setFormError(message);
        return;
      }
      router.replace(safeNext(searchParams.get("next")));
      router.refresh();
    } catch {
      setFormError("The server cannot be reached. Check your connection and try again.");
    } finally {
      setSubmitting(false);
    }
  });

  const toggleMode = () => {
    form.setFieldValue("mode", mode === "sign-in" ? "sign-up" : "sign-in");
    form.clearErrors();
    setFormError(null);
  };

  return (
    <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="sign-in-title">
              {mode === "sign-in" ? "Sign in" : "Create your account"}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {mode === "sign-in"
                ? "Use the email your workspace admin invited."
                : "Only emails invited to a workspace can create an account."}
            </Text>
          </div>
          {formError && (
            <Alert color="red" variant="light" role="alert" title="Could not sign in">
              {formError}
            </Alert>
          )}
          {mode === "sign-up" && (
            <TextInput label="Name" autoComplete="name" withAsterisk {...form.getInputProps("name")} />
          )}
          <TextInput label="Email" type="email" autoComplete="email" withAsterisk {...form.getInputProps("email")} />
          <PasswordInput
            label="Password"
            autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
            withAsterisk
            description={mode === "sign-up" ? "At least 8 characters" : undefined}
            {...form.getInputProps("password")}
            aria-invalid={Boolean(form.errors.password)}
          />
          <Button type="submit" loading={submitting} fullWidth>
            {mode === "sign-in" ? "Sign in" : "Create account"}
          </Button>
          <Text size="sm" ta="center">
            {mode === "sign-in" ? "Invited but no account yet? " : "Already have an account? "}
            <Anchor component="button" type="button" onClick={toggleMode} size="sm">
              {mode === "sign-in" ? "Create account" : "Sign in"}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
