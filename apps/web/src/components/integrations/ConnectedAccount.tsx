"use client";

import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ConfirmButton } from "../states/ConfirmButton";
import { oauthStartUrl } from "./oauth-link";
import { TokenForm } from "./TokenForm";
import type { CalendlyIntegration } from "./types";
import { useDisconnect } from "./use-disconnect";

const ROLE: Record<string, string> = { owner: "Organization owner", admin: "Organization admin", user: "Member" };

/** Who the workspace is connected to Calendly as, and how; Reconnect / Replace and Disconnect for admins. */
export function ConnectedAccount({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const [replacing, setReplacing] = useState(false);
  const disconnect = useDisconnect(workspaceId);
  const oauth = calendly.authMethod === "OAUTH";
  const { connection } = calendly;
  const who = connection.userName
    ? `${connection.userName}${connection.userEmail ? ` · ${connection.userEmail}` : ""}`
    : "Calendly user not verified yet";

  return (
    <Stack gap={6} data-testid="calendly-account">
      <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
        <div>
          <Text size="sm" fw={500} id="calendly-account-label">
            {oauth ? "Connected with Calendly" : "Personal access token"}
          </Text>
          {!oauth && (
            <Text ff="monospace" size="sm" aria-labelledby="calendly-account-label" data-testid="token-masked">
              •••• •••• {calendly.tokenLast4 ?? "····"}
            </Text>
          )}
        </div>
        {calendly.canEdit && (
          <Group gap="xs">
            {oauth ? (
              <Button component="a" href={oauthStartUrl(workspaceId)} size="compact-sm" variant="default">
                Reconnect
              </Button>
            ) : (
              <Button size="compact-sm" variant="default" onClick={() => setReplacing(true)} disabled={replacing}>
                Replace
              </Button>
            )}
            <ConfirmButton
              label="Disconnect"
              confirmLabel="Disconnect Calendly"
              question={`Disconnect Calendly? Its webhook subscription is deleted${oauth ? ", access is revoked" : ""} and the credentials are forgotten; Calendly is turned off for this workspace.`}
              pending={disconnect.isPending}
              onConfirm={() => disconnect.mutate({ workspaceId })}
            />
          </Group>
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" data-testid="calendly-user">
          {who}
        </Text>
        {connection.role && (
          <Badge size="sm" variant="outline" color="gray" data-testid="calendly-role">
            {ROLE[connection.role] ?? connection.role}
          </Badge>
        )}
      </Group>
      {replacing && (
        <TokenForm workspaceId={workspaceId} canEdit={calendly.canEdit} onClose={() => setReplacing(false)} />
      )}
    </Stack>
  );
}
