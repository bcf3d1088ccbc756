"use client";

import dynamic from "next/dynamic";
import { errorCode, errorMessage } from "~/lib/errors";
import { LoadingState } from "../states/LoadingState";
import { ClosedInvitation, ExistingAccountOffer, InvalidInvitation } from "./InvitationCards";
import { useInvitation } from "./use-invitation";

// Only a new person fills in a form: it (and the form library) is loaded once the invitation says so.
const NewAccountForm = dynamic(() => import("./NewAccountForm").then((m) => m.NewAccountForm), {
  loading: () => <LoadingState label="Loading the form" rows={3} />,
});

/** /invite/<token>: shows the workspace and role; a new person sets name + password, an existing account signs in to accept. */
export function InviteAccept({ token }: { token: string }) {
  const { invitation, me, acceptNew, accept } = useInvitation(token);

  if (invitation.isPending) return <LoadingState label="Loading invitation" rows={3} />;
  if (invitation.isError)
    return (
      <InvalidInvitation
        message={
          errorCode(invitation.error) === "NOT_FOUND"
            ? "This invitation link is not valid. It may have been replaced by a newer one: ask the workspace admin for a new link."
            : errorMessage(invitation.error)
        }
      />
    );

  const inv = invitation.data;
  if (inv.status !== "pending") return <ClosedInvitation invitation={inv} status={inv.status} />;
  if (inv.hasAccount) {
    return (
      <ExistingAccountOffer
        invitation={inv}
        token={token}
        signedInAs={me.data && !me.data.isPlatformAdmin ? me.data.email : null}
        error={accept.isError ? errorMessage(accept.error) : null}
        pending={accept.isPending}
        onAccept={() => accept.mutate({ token })}
      />
    );
  }
  return (
    <NewAccountForm
      invitation={inv}
      token={token}
      pending={acceptNew.isPending}
      onSubmit={(input) =>
        acceptNew.mutateAsync(input).then(
          () => null,
          (error: unknown) => error,
        )
      }
    />
  );
}
