"use client";

import { Button, Group, PasswordInput, Stack, Switch, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { applyServerErrors } from "~/lib/form";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { ConfirmButton } from "../states/ConfirmButton";
import { type TokenValues, validateToken } from "./token-schema";
import type { CalendlyIntegration } from "./types";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

/** Token field: write-only. Once saved it shows only •••• + last 4, with Replace and Remove. */
export function CalendlyTokenField({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  const [replacing, setReplacing] = useState(false);
  const [skipVerification, setSkipVerification] = useState(false);
  const canEdit = calendly.canEdit;

  const form = useForm<TokenValues>({
    mode: "controlled",
    initialValues: { token: "" },
    validate: validateToken,
    validateInputOnChange: true,
  });

  const save = useMutation(
    trpc.integrations.calendly.update.mutationOptions({
      onSuccess: async (result) => {
        form.reset();
        setReplacing(false);
        await invalidate();
        const who = result.connection.userName ? ` Connected as ${result.connection.userName}.` : "";
        notifySuccess(`Token ending in ${result.tokenLast4 ?? "…"} saved.${who}`, "Calendly token saved");
      },
      onError: (error) => {
        const message = applyServerErrors(form, error, { accessToken: "token" });
        // Anything about the token that has no field key still belongs next to the token field.
        if (message) form.setFieldError("token", message);
      },
    }),
  );

  const remove = useMutation(
    trpc.integrations.calendly.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        notifySuccess("The Calendly token was removed.", "Token removed");
      },
      onError: (error) => notifyError(error, "Could not remove the token"),
    }),
  );

  const showInput = !calendly.tokenConfigured || replacing;

  return (
    <Stack gap={6}>
      {showInput ? (
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            save.mutate({
              workspaceId,
              token: v.token.trim(),
              ...(skipVerification ? { skipVerification: true } : {}),
            }),
          )}
        >
          <Stack gap="xs">
            <PasswordInput
              label="Personal access token"
              description="Calendly → Integrations → API & Webhooks → Generate new token. It is verified, then stored encrypted."
              placeholder="Paste the token"
              autoComplete="off"
              spellCheck={false}
              disabled={!canEdit}
              {...form.getInputProps("token")}
              // Mantine's PasswordInput marks errors with data-invalid only; tell assistive tech too.
              aria-invalid={Boolean(form.errors.token)}
            />
            {canEdit && (
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Switch
                  size="xs"
                  label="Save without checking it against Calendly"
                  checked={skipVerification}
                  onChange={(e) => setSkipVerification(e.currentTarget.checked)}
                />
                <Group gap="xs">
                  {replacing && (
                    <Button
                      variant="default"
                      size="sm"
                      onClick={() => {
                        setReplacing(false);
                        form.reset();
                      }}
                      disabled={save.isPending}
                    >
                      Cancel
                    </Button>
                  )}
                  <Button type="submit" size="sm" loading={save.isPending}>
                    {skipVerification ? "Save token" : "Verify and save token"}
                  </Button>
                </Group>
              </Group>
            )}
          </Stack>
        </form>
      ) : (
        <div>
          <Text size="sm" fw={500} id="token-label">
            Personal access token
          </Text>
          <Group justify="space-between" gap="sm" mt={4} wrap="wrap">
            <Text ff="monospace" size="sm" aria-labelledby="token-label" data-testid="token-masked">
              •••• •••• {calendly.tokenLast4 ?? "····"}
            </Text>
            {canEdit && (
              <Group gap="xs">
                <Button size="compact-sm" variant="default" onClick={() => setReplacing(true)}>
                  Replace
                </Button>
                <ConfirmButton
                  label="Remove"
                  confirmLabel="Remove token"
                  question="Remove the token? Calendly is turned off for this workspace and its webhook subscription is deleted."
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate({ workspaceId, token: null })}
                />
              </Group>
            )}
          </Group>
        </div>
      )}
    </Stack>
  );
}
