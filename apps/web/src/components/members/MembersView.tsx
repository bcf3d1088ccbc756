"use client";

import { Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "~/lib/format";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { useWorkspace } from "../shell/workspace-context";
import { ConfirmButton } from "../states/ConfirmButton";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { InviteForm, ROLE_OPTIONS } from "./InviteForm";
import { InviteLink, type IssuedInvitation } from "./InviteLink";

const roleLabel = (role: string) => ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;

export function MembersView() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const list = useQuery(trpc.members.list.queryOptions({ workspaceId: workspace.id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.pathKey() });

  const resend = useMutation(
    trpc.members.resend.mutationOptions({
      onSuccess: async (i) => {
        setIssued(i);
        await refresh();
      },
      onError: (e) => notifyError(e, "Could not resend"),
    }),
  );
  const revoke = useMutation(
    trpc.members.revoke.mutationOptions({
      onSuccess: async () => {
        notifySuccess("The invitation link no longer works.", "Invitation revoked");
        await refresh();
      },
      onError: (e) => notifyError(e, "Could not revoke"),
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async (r) => {
        notifySuccess(`${r.email} no longer has access to ${workspace.name}.`, "Member removed");
        await refresh();
      },
      onError: (e) => notifyError(e, "Could not remove"),
    }),
  );

  if (list.isPending) return <LoadingState label="Loading members" rows={4} />;
  if (list.isError)
    return <ErrorState title="Could not load members" error={list.error} onRetry={() => list.refetch()} />;
  const { members, invitations, canManage } = list.data;

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
      {canManage && (
        <Card withBorder radius="md" p="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              Invite someone
            </Title>
            <InviteForm workspaceId={workspace.id} onIssued={setIssued} />
            {issued && <InviteLink issued={issued} onClose={() => setIssued(null)} />}
          </Stack>
        </Card>
      )}
      <Card withBorder radius="md" p="lg">
        <Title order={2} size="h4" mb="sm">
          Members ({members.length})
        </Title>
        <Table data-testid="members-table" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Roles</Table.Th>
              {canManage && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.email}>
                <Table.Td>{m.name ?? <Text c="dimmed">No account yet</Text>}</Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {m.roles.map((r) => (
                      <Badge key={r} variant="light" color={r === "ADMIN" ? "indigo" : "gray"}>
                        {roleLabel(r)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                {canManage && (
                  <Table.Td ta="right">
                    <ConfirmButton
                      label="Remove"
                      confirmLabel="Remove member"
                      question={`Remove ${m.email} from ${workspace.name}?`}
                      pending={remove.isPending && remove.variables?.email === m.email}
                      onConfirm={() => remove.mutate({ workspaceId: workspace.id, email: m.email })}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
            <Table data-testid="invitations-table" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Invited by</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.email}</Table.Td>
                    <Table.Td>{roleLabel(i.role)}</Table.Td>
                    <Table.Td>
                      {i.expired ? (
                        <Badge color="red" variant="light">
                          Expired
                        </Badge>
                      ) : (
                        formatDateTime(i.expiresAt)
                      )}
                    </Table.Td>
                    <Table.Td>{i.invitedBy}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <ConfirmButton
                          label="Resend"
                          confirmLabel="Send a new link"
                          question="The current link stops working."
                          pending={resend.isPending && resend.variables?.invitationId === i.id}
                          onConfirm={() => resend.mutate({ workspaceId: workspace.id, invitationId: i.id })}
                        />
                        <ConfirmButton
                          label="Revoke"
                          confirmLabel="Revoke invitation"
                          question={`Revoke the invitation of ${i.email}?`}
                          pending={revoke.isPending && revoke.variables?.invitationId === i.id}
                          onConfirm={() => revoke.mutate({ workspaceId: workspace.id, invitationId: i.id })}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
