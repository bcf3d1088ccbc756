"use client";

import { Card, Stack, Title } from "@mantine/core";
import { InviteForm } from "./InviteForm";
import { InviteLink, type IssuedInvitation } from "./InviteLink";

/** An admin invites someone by email and gets the link to send. */
export function InviteCard({
  workspaceId,
  issued,
  onIssued,
}: {
  workspaceId: string;
  issued: IssuedInvitation | null;
  onIssued: (issued: IssuedInvitation | null) => void;
}) {
  return (
    <Card withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} size="h4">
          Invite someone
        </Title>
        <InviteForm workspaceId={workspaceId} onIssued={onIssued} />
        {issued && <InviteLink issued={issued} onClose={() => onIssued(null)} />}
      </Stack>
    </Card>
  );
}
