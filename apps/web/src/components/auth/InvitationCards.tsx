import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { Notice } from "../states/Notice";
import type { Invitation } from "./types";

const ROLE_LABEL = { ADMIN: "admin", SETTER: "setter", INBOX_MANAGER: "inbox manager" } as const;

const signInHref = (email: string, next?: string) =>
  `/sign-in?email=${encodeURIComponent(email)}${next ? `&next=${encodeURIComponent(next)}` : ""}`;

export function InvitationCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={440}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function InvitationIntro({ invitation }: { invitation: Invitation }) {
  return (
    <Text>
      You are invited to join <strong>{invitation.workspaceName}</strong> as{" "}
      <strong>{ROLE_LABEL[invitation.role]}</strong>, with the email <strong>{invitation.email}</strong>.
    </Text>
  );
}

export function InvalidInvitation({ message }: { message: string }) {
  return (
    <InvitationCard title="Invitation not valid">
      <Notice color="red" role="alert">
        {message}
      </Notice>
      <Anchor component={Link} href="/sign-in">
        Go to sign-in
      </Anchor>
    </InvitationCard>
  );
}

const CLOSED_REASON = {
  accepted: "This invitation has already been used. Sign in to open the workspace.",
  revoked: "This invitation was revoked. Ask the workspace admin if you still need access.",
  expired: "This invitation has expired. Ask the workspace admin to resend it.",
} as const;

/** An invitation that can no longer be accepted. */
export function ClosedInvitation({
  invitation,
  status,
}: {
  invitation: Invitation;
  status: keyof typeof CLOSED_REASON;
}) {
  return (
    <InvitationCard title="Invitation">
      <InvitationIntro invitation={invitation} />
      <Notice color="yellow" role="alert">
        {CLOSED_REASON[status]}
      </Notice>
      <Anchor component={Link} href={signInHref(invitation.email)}>
        Go to sign-in
      </Anchor>
    </InvitationCard>
  );
}

/** The invited email has an account: accept when signed in as it, else sign in first. */
export function ExistingAccountOffer({
  invitation,
  token,
  signedInAs,
  error,
  pending,
  onAccept,
}: {
  invitation: Invitation;
  token: string;
  signedInAs: string | null;
  error: string | null;
  pending: boolean;
  onAccept: () => void;
}) {
  return (
    <InvitationCard title={`Join ${invitation.workspaceName}`}>
      <InvitationIntro invitation={invitation} />
      {error && (
        <Notice color="red" role="alert">
          {error}
        </Notice>
      )}
      {signedInAs === invitation.email ? (
        <Button loading={pending} onClick={onAccept}>
          Accept invitation
        </Button>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {signedInAs
              ? `You are signed in as ${signedInAs}. Sign in as ${invitation.email} to accept.`
              : "You already have an account: sign in to accept."}
          </Text>
          <Button component={Link} href={signInHref(invitation.email, `/invite/${token}`)}>
            Sign in as {invitation.email}
          </Button>
        </>
      )}
    </InvitationCard>
  );
}
