"use client";

import { Button, Divider, Stack, Text } from "@mantine/core";
import { oauthStartUrl } from "./oauth-link";
import { TokenForm } from "./TokenForm";
import type { CalendlyIntegration } from "./types";

/** Not connected yet: Connect with Calendly first (when this server has the OAuth app), a personal access token second. */
export function ConnectOptions({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  if (!calendly.canEdit)
    return (
      <Text size="sm" c="dimmed">
        Calendly is not connected. A workspace admin can connect it.
      </Text>
    );
  return (
    <Stack gap="sm">
      {calendly.oauthAvailable && (
        <>
          <div>
            <Button component="a" href={oauthStartUrl(workspaceId)} size="md" data-testid="connect-calendly">
              Connect with Calendly
            </Button>
            <Text size="xs" c="dimmed" mt={6}>
              Sign in to Calendly and approve access. The connection renews itself; nothing to paste.
            </Text>
          </div>
          <Divider label="or" labelPosition="left" />
          <Text size="sm" fw={500}>
            Use a personal access token instead
          </Text>
        </>
      )}
      <TokenForm workspaceId={workspaceId} canEdit={calendly.canEdit} />
    </Stack>
  );
}
