"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import type { IssuedInvitation } from "./InviteLink";

/** A workspace's members and pending invitations, and what an admin does with them. */
export function useMembers(workspace: { id: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  /** The link of the invitation just issued or resent: shown once. */
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

  return {
    list,
    issued,
    setIssued,
    /** Pending action per row, to show the spinner on the right button. */
    pendingRemove: remove.isPending ? remove.variables?.email : undefined,
    pendingResend: resend.isPending ? resend.variables?.invitationId : undefined,
    pendingRevoke: revoke.isPending ? revoke.variables?.invitationId : undefined,
    remove: (email: string) => remove.mutate({ workspaceId: workspace.id, email }),
    resend: (invitationId: string) => resend.mutate({ workspaceId: workspace.id, invitationId }),
    revoke: (invitationId: string) => revoke.mutate({ workspaceId: workspace.id, invitationId }),
  };
}
