import type { RouterOutputs } from "@booking/api";
import { Badge, Group, Text } from "@mantine/core";
import { formatDateTime } from "~/lib/format";
import { ConfirmButton } from "../states/ConfirmButton";
import { DataTable, endCell } from "../states/DataTable";
import { roleLabel } from "./roles";

type MembersList = RouterOutputs["members"]["list"];

const ActionsHeader = () => (
  <th scope="col">
    <span className="visually-hidden">Actions</span>
  </th>
);

export function MembersTable({
  members,
  workspaceName,
  canManage,
  pendingRemove,
  onRemove,
}: {
  members: MembersList["members"];
  workspaceName: string;
  canManage: boolean;
  pendingRemove: string | undefined;
  onRemove: (email: string) => void;
}) {
  return (
    <DataTable label="Members" testId="members-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Roles</th>
          {canManage && <ActionsHeader />}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.email}>
            <td>{m.name ?? <Text c="dimmed">No account yet</Text>}</td>
            <td>{m.email}</td>
            <td>
              <Group gap={4}>
                {m.roles.map((r) => (
                  <Badge key={r} variant="light" color={r === "ADMIN" ? "indigo" : "gray"}>
                    {roleLabel(r)}
                  </Badge>
                ))}
              </Group>
            </td>
            {canManage && (
              <td className={endCell}>
                <ConfirmButton
                  label="Remove"
                  confirmLabel="Remove member"
                  question={`Remove ${m.email} from ${workspaceName}?`}
                  pending={pendingRemove === m.email}
                  onConfirm={() => onRemove(m.email)}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function InvitationsTable({
  invitations,
  pendingResend,
  pendingRevoke,
  onResend,
  onRevoke,
}: {
  invitations: MembersList["invitations"];
  pendingResend: string | undefined;
  pendingRevoke: string | undefined;
  onResend: (invitationId: string) => void;
  onRevoke: (invitationId: string) => void;
}) {
  return (
    <DataTable label="Pending invitations" testId="invitations-table">
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Expires</th>
          <th scope="col">Invited by</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <td>{i.email}</td>
            <td>{roleLabel(i.role)}</td>
            <td>
              {i.expired ? (
                <Badge color="red" variant="light">
                  Expired
                </Badge>
              ) : (
                formatDateTime(i.expiresAt)
              )}
            </td>
            <td>{i.invitedBy}</td>
            <td>
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <ConfirmButton
                  label="Resend"
                  confirmLabel="Send a new link"
                  question="The current link stops working."
                  pending={pendingResend === i.id}
                  onConfirm={() => onResend(i.id)}
                />
                <ConfirmButton
                  label="Revoke"
                  confirmLabel="Revoke invitation"
                  question={`Revoke the invitation of ${i.email}?`}
                  pending={pendingRevoke === i.id}
                  onConfirm={() => onRevoke(i.id)}
                />
              </Group>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
