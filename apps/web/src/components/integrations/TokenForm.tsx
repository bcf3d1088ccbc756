"use client";

import { Button, Group, PasswordInput, Stack, Switch } from "@mantine/core";
import { useTokenForm } from "./use-token-form";

/** Write-only personal access token field: verified with Calendly, then stored encrypted. */
export function TokenForm({
  workspaceId,
  canEdit,
  onClose,
}: {
  workspaceId: string;
  canEdit: boolean;
  /** Replacing a saved token: shown as Cancel, and called once the new token is saved. */
  onClose?: () => void;
}) {
  const { form, submit, pending, skipVerification, setSkipVerification } = useTokenForm(workspaceId, onClose);
  return (
    <form noValidate onSubmit={submit}>
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
              {onClose && (
                <Button
                  variant="default"
                  size="sm"
                  onClick={() => {
                    form.reset();
                    onClose();
                  }}
                  disabled={pending}
                >
                  Cancel
                </Button>
              )}
              <Button type="submit" size="sm" loading={pending}>
                {skipVerification ? "Save token" : "Verify and save token"}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}
