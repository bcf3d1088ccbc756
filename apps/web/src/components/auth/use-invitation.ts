"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { loadAuthClient } from "~/lib/auth-client";
import { sessionChanged } from "~/lib/session-cache";
import { useTRPC } from "~/trpc/react";

/** An invitation (by its link's token), who is signed in, and the two ways to accept it. */
export function useInvitation(token: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const invitation = useQuery({ ...trpc.members.invitation.queryOptions({ token }), retry: false });
  // Who is signed in decides the offer: always ask again (the visitor may just have signed in).
  const me = useQuery({ ...trpc.session.me.queryOptions(), refetchOnMount: "always" });

  const open = (workspaceId: string) => {
    sessionChanged();
    router.replace(`/w/${encodeURIComponent(workspaceId)}/leads`);
    router.refresh();
  };
  /** A new person: creates the account, then signs in with the password just chosen. */
  const acceptNew = useMutation(
    trpc.members.acceptNew.mutationOptions({
      onSuccess: async (result, values) => {
        const authClient = await loadAuthClient();
        const signIn = await authClient.signIn.email({ email: result.email, password: values.password });
        if (signIn.error) {
          router.replace(`/sign-in?email=${encodeURIComponent(result.email)}`);
          return;
        }
        open(result.workspaceId);
      },
    }),
  );
  /** Someone signed in with the invited email. */
  const accept = useMutation(trpc.members.accept.mutationOptions({ onSuccess: (result) => open(result.workspaceId) }));

  return { invitation, me, acceptNew, accept };
}
