"use client";

import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "~/lib/auth-client";
import { errorCode, errorMessage } from "~/lib/errors";
import { applyServerErrors } from "~/lib/form";
import { maxLength, minLength, required, rules } from "~/lib/validate";
import { useTRPC } from "~/trpc/react";
import { LoadingState } from "../states/LoadingState";

const ROLE_LABEL = { ADMIN: "admin", SETTER: "setter", INBOX_MANAGER: "inbox manager" } as const;

type Values = { name: string; password: string };
const validate = rules<Values>({
  name: [required("Enter your name"), maxLength(200, "Name is at most 200 characters")],
  password: [
    required("Choose a password"),
    minLength(8, "Use at least 8 characters"),
    maxLength(128, "Use at most 128 characters"),
  ],
});

function Card({ title, children }: { title: string; children: React.ReactNode }) {
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

/** /invite/<token>: shows the workspace and role; a new person sets name + password, an existing account signs in to accept. */
export function InviteAccept({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invitation = useQuery({ ...trpc.members.invitation.queryOptions({ token }), retry: false });
  const queryClient = useQueryClient();
  // Who is signed in decides the offer: always ask again (the visitor may just have signed in).
  const me = useQuery({ ...trpc.session.me.queryOptions(), refetchOnMount: "always" });
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { name: "", password: "" },
    validate,
    validateInputOnChange: true,
  });

  const open = (workspaceId: string) => {
    queryClient.clear();
    router.replace(`/w/${encodeURIComponent(workspaceId)}/leads`);
    router.refresh();
  };
  const acceptNew = useMutation(
    trpc.members.acceptNew.mutationOptions({
      onSuccess: async (result, values) => {
        const signIn = await authClient.signIn.email({ email: result.email, password: values.password });
        if (signIn.error) {
          router.replace(`/sign-in?email=${encodeURIComponent(result.email)}`);
          return;
        }
        open(result.workspaceId);
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    }),
  );
  const accept = useMutation(
    trpc.members.accept.mutationOptions({
      onSuccess: (result) => open(result.workspaceId),
      onError: (error) => setFormError(errorMessage(error)),
    }),
  );

  if (invitation.isPending) return <LoadingState label="Loading invitation" rows={3} />;
  if (invitation.isError)
    return (
      <Card title="Invitation not valid">
        <Alert color="red" variant="light" role="alert">
          {errorCode(invitation.error) === "NOT_FOUND"
            ? "This invitation link is not valid. It may have been replaced by a newer one: ask the workspace admin for a new link."
            : errorMessage(invitation.error)}
        </Alert>
        <Anchor component={Link} href="/sign-in">
          Go to sign-in
        </Anchor>
      </Card>
    );

  const inv = invitation.data;
  const role = ROLE_LABEL[inv.role];
  const intro = (
    <Text>
      You are invited to join <strong>{inv.workspaceName}</strong> as <strong>{role}</strong>, with the email{" "}
      <strong>{inv.email}</strong>.
    </Text>
  );
  if (inv.status !== "pending") {
    const why = {
      accepted: "This invitation has already been used. Sign in to open the workspace.",
      revoked: "This invitation was revoked. Ask the workspace admin if you still need access.",
      expired: "This invitation has expired. Ask the workspace admin to resend it.",
    }[inv.status];
    return (
      <Card title="Invitation">
        {intro}
        <Alert color="yellow" variant="light" role="alert">
          {why}
        </Alert>
        <Anchor component={Link} href={`/sign-in?email=${encodeURIComponent(inv.email)}`}>
          Go to sign-in
        </Anchor>
      </Card>
    );
  }

  if (inv.hasAccount) {
    const signedInAs = me.data && !me.data.isPlatformAdmin ? me.data.email : null;
    return (
      <Card title={`Join ${inv.workspaceName}`}>
        {intro}
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        {signedInAs === inv.email ? (
          <Button loading={accept.isPending} onClick={() => accept.mutate({ token })}>
            Accept invitation
          </Button>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {signedInAs
                ? `You are signed in as ${signedInAs}. Sign in as ${inv.email} to accept.`
                : "You already have an account: sign in to accept."}
            </Text>
            <Button
              component={Link}
              href={`/sign-in?email=${encodeURIComponent(inv.email)}&next=${encodeURIComponent(`/invite/${token}`)}`}
            >
              Sign in as {inv.email}
            </Button>
          </>
        )}
      </Card>
    );
  }

  return (
    <Card title={`Join ${inv.workspaceName}`}>
      {intro}
      <Text size="sm" c="dimmed">
        Choose your name and a password to create your account. The link works once and expires on{" "}
        {inv.expiresAt.toLocaleDateString(undefined, { dateStyle: "medium" })}.
      </Text>
      {formError && (
        <Alert color="red" variant="light" role="alert" title="Could not accept the invitation">
          {formError}
        </Alert>
      )}
      <form
        noValidate
        aria-label="Create your account"
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          acceptNew.mutate({ token, name: values.name.trim(), password: values.password });
        })}
      >
        <Stack gap="md">
          <TextInput label="Email" value={inv.email} readOnly />
          <TextInput label="Name" autoComplete="name" withAsterisk {...form.getInputProps("name")} />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            description="At least 8 characters"
            withAsterisk
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={acceptNew.isPending} fullWidth>
            Create account and join
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
