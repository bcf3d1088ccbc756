"use client";

import type { RouterOutputs } from "@booking/api";
import { Alert, Button, CopyButton, Group, Text, TextInput } from "@mantine/core";

export type IssuedInvitation = RouterOutputs["members"]["invite"];

/** The link of an invitation just created or resent: the only time it can be shown (only its hash is stored). */
export function InviteLink({ issued, onClose }: { issued: IssuedInvitation; onClose: () => void }) {
  return (
    <Alert
      color={issued.emailError ? "yellow" : "green"}
      variant="light"
      data-testid="invite-link"
      title="Invitation ready"
    >
      <Text size="sm" mb="xs">
        {issued.emailed
          ? `We emailed the link to ${issued.email}. You can also copy it below.`
          : (issued.emailError ?? `Send this link to ${issued.email}. It works once and expires in 7 days.`)}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput value={issued.url} readOnly aria-label={`Invite link for ${issued.email}`} style={{ flex: 1 }} />
        <CopyButton value={issued.url}>
          {({ copied, copy }) => (
            <Button onClick={copy} color={copied ? "teal" : "indigo"} variant="filled">
              {copied ? "Copied" : "Copy invite link"}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onClose}>
          Done
        </Button>
      </Group>
    </Alert>
  );
}
