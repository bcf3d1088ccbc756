"use client";

import { Card, Stack, Text, Title } from "@mantine/core";
import dynamic from "next/dynamic";
import { useWorkspace } from "../shell/workspace-context";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { InvitationsTable, MembersTable } from "./MembersTables";
import { useMembers } from "./use-members";

// Only admins invite: the form (and its form library) is loaded for them, once the list says so.
const InviteCard = dynamic(() => import("./InviteCard").then((m) => m.InviteCard), {
  loading: () => <LoadingState label="Loading the invitation form" rows={2} height={44} />,
});

export function MembersView() {
  const { workspace } = useWorkspace();
  const members = useMembers(workspace);
  const { list } = members;

  if (list.isPending) return <LoadingState label="Loading members" rows={4} />;
  if (list.isError)
    return <ErrorState title="Could not load members" error={list.error} onRetry={() => list.refetch()} />;
  const { invitations, canManage } = list.data;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Members
        </Title>
        <Text c="dimmed" size="sm">
          Who can open {workspace.name}.{" "}
          {canManage ? "Invite people by email; each gets a single-use link that expires in 7 days." : ""}
        </Text>
      </div>
      {canManage && <InviteCard workspaceId={workspace.id} issued={members.issued} onIssued={members.setIssued} />}
      <Card withBorder radius="md" p="lg">
        <Title order={2} size="h4" mb="sm">
          Members ({list.data.members.length})
        </Title>
        <MembersTable
          members={list.data.members}
          workspaceName={workspace.name}
          canManage={canManage}
          pendingRemove={members.pendingRemove}
          onRemove={members.remove}
        />
      </Card>
      {canManage && (
        <Card withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="sm">
            Pending invitations ({invitations.length})
          </Title>
          {invitations.length === 0 ? (
            <Text c="dimmed" size="sm">
              No pending invitations.
            </Text>
          ) : (
            <InvitationsTable
              invitations={invitations}
              pendingResend={members.pendingResend}
              pendingRevoke={members.pendingRevoke}
              onResend={members.resend}
              onRevoke={members.revoke}
            />
          )}
        </Card>
      )}
    </Stack>
  );
}
