"use client";

import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { oauthStartUrl } from "./oauth-link";
import type { CalendlyIntegration } from "./types";

/** Calendly refuses the credentials, or said they lack permissions: only a person can fix it. */
export function ReconnectBanner({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const { status, missingScopes, lastError } = calendly.connection;
  const refused = status === "RECONNECT_NEEDED";
  if (!calendly.tokenConfigured || (!refused && missingScopes.length === 0)) return null;
  const oauth = calendly.authMethod === "OAUTH";
  return (
    <Alert
      color="red"
      variant="light"
      title={refused ? "Reconnect needed" : "Calendly needs more permissions"}
      data-testid="reconnect-banner"
    >
      <Stack gap={8}>
        {refused && (
          <>
            <Text size="sm">
              Calendly no longer accepts this workspace&apos;s {oauth ? "connection" : "personal access token"}: the
              subscription is not checked or repaired and bookings are not reconciled until it is connected again.
            </Text>
            {lastError && (
              <Text size="xs" c="red.9">
                Calendly said: {lastError}
              </Text>
            )}
          </>
        )}
        {missingScopes.length > 0 && (
          <Text size="sm" data-testid="missing-scopes">
            {oauth ? "Reconnect to grant:" : "Create a personal access token that grants:"}{" "}
            {missingScopes.map((scope, i) => (
              <span key={scope}>
                {i > 0 && ", "}
                <Code>{scope}</Code>
              </span>
            ))}
          </Text>
        )}
        {calendly.canEdit && (oauth || calendly.oauthAvailable) && (
          <Group>
            <Button component="a" href={oauthStartUrl(workspaceId)} color="red" size="sm">
              {oauth ? "Reconnect Calendly" : "Connect with Calendly"}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
