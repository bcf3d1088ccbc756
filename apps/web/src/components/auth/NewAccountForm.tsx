"use client";

import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { applyServerErrors } from "~/lib/form";
import { type ServerRules, useSchemaForm } from "~/lib/schema-form";
import { Notice } from "../states/Notice";
import { InvitationCard, InvitationIntro } from "./InvitationCards";
import type { Invitation } from "./types";

type Values = { name: string; password: string };
type AcceptNewInput = { token: string; name: string; password: string };

const toInput = (token: string, values: Values): AcceptNewInput => ({
  token,
  name: values.name.trim(),
  password: values.password,
});

/** A new person accepts: name and password (members.acceptNew's own rules, as they type). */
export function NewAccountForm({
  invitation,
  token,
  pending,
  onSubmit,
}: {
  invitation: Invitation;
  token: string;
  pending: boolean;
  /** Submits; resolves with the error the server answered, if any. */
  onSubmit: (input: AcceptNewInput) => Promise<unknown>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const rules: ServerRules<Values> = (s, values) => ({ schema: s.acceptNewSchema, input: toInput(token, values) });
  const form = useSchemaForm<Values>({
    mode: "controlled",
    initialValues: { name: "", password: "" },
    rules,
    validateInputOnChange: true,
  });

  return (
    <InvitationCard title={`Join ${invitation.workspaceName}`}>
      <InvitationIntro invitation={invitation} />
      <Text size="sm" c="dimmed">
        Choose your name and a password to create your account. The link works once and expires on{" "}
        {invitation.expiresAt.toLocaleDateString(undefined, { dateStyle: "medium" })}.
      </Text>
      {formError && (
        <Notice color="red" role="alert" title="Could not accept the invitation">
          {formError}
        </Notice>
      )}
      <form
        noValidate
        aria-label="Create your account"
        onSubmit={form.onSubmit(async (values) => {
          setFormError(null);
          const error = await onSubmit(toInput(token, values));
          if (error) setFormError(applyServerErrors(form, error));
        })}
      >
        <Stack gap="md">
          <TextInput label="Email" value={invitation.email} readOnly />
          <TextInput label="Name" autoComplete="name" withAsterisk {...form.getInputProps("name")} />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            description="At least 8 characters"
            withAsterisk
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={pending || form.submitting} fullWidth>
            Create account and join
          </Button>
        </Stack>
      </form>
    </InvitationCard>
  );
}
