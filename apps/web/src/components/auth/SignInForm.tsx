"use client";

import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { loadAuthClient } from "~/lib/auth-client";
import { type ServerRules, useSchemaForm } from "~/lib/schema-form";
import { sessionChanged } from "~/lib/session-cache";
import { Notice } from "../states/Notice";
import { safeNext } from "./safe-next";

type SignInValues = { email: string; password: string };
type AuthError = { message?: string; code?: string; status?: number } | null | undefined;

// The server's email rule; better-auth checks the password itself, so only its presence here.
const rules: ServerRules<SignInValues> = (s, values) => ({
  schema: s.input({ email: s.email, password: s.text().min(1, "Enter your password") }),
  input: values,
});

function describeAuthError(error: AuthError): { field?: "email" | "password"; message: string } {
  if (error?.code === "INVALID_EMAIL_OR_PASSWORD") return { field: "password", message: "Wrong email or password" };
  if (error?.status === 429)
    return { message: error.message || "Too many attempts. Wait a few minutes and try again." };
  return { message: error?.message || "Sign-in failed. Try again." };
}

export function SignInForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const form = useSchemaForm<SignInValues>({
    mode: "controlled",
    initialValues: { email: searchParams.get("email") ?? "", password: "" },
    rules,
    validateInputOnChange: true,
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setSubmitting(true);
    try {
      const authClient = await loadAuthClient();
      const result = await authClient.signIn.email({ email: values.email.trim(), password: values.password });
      if (result.error) {
        const { field, message } = describeAuthError(result.error);
        if (field) form.setFieldError(field, message);
        else setFormError(message);
        return;
      }
      // Whatever was cached belonged to the signed-out visitor.
      sessionChanged();
      router.replace(safeNext(searchParams.get("next"), window.location.origin));
      router.refresh();
    } catch {
      setFormError("The server cannot be reached. Check your connection and try again.");
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
      {/* The auth client is fetched as soon as the user starts on the form, not with the page. */}
      <form
        onSubmit={submit}
        onFocus={() => void loadAuthClient().catch(() => undefined)}
        noValidate
        aria-labelledby="sign-in-title"
      >
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="sign-in-title">
              Sign in
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              Use the email your workspace admin invited.
            </Text>
          </div>
          {formError && (
            <Notice color="red" role="alert" title="Could not sign in">
              {formError}
            </Notice>
          )}
          <TextInput label="Email" type="email" autoComplete="email" withAsterisk {...form.getInputProps("email")} />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            withAsterisk
            {...form.getInputProps("password")}
            aria-invalid={Boolean(form.errors.password)}
          />
          <Button type="submit" loading={submitting || form.submitting} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            New here? Open the invitation link your workspace admin sent you to create your account.
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
