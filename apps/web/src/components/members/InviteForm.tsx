"use client";

import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { applyServerErrors } from "~/lib/form";
import { notifyError } from "~/lib/notify";
import { type ServerRules, useSchemaForm } from "~/lib/schema-form";
import { useTRPC } from "~/trpc/react";
import type { IssuedInvitation } from "./InviteLink";
import { ROLE_OPTIONS, type Role } from "./roles";

type Values = { email: string; role: Role };

/** The members.invite input these values make. */
const toInput = (workspaceId: string, v: Values) => ({ workspaceId, email: v.email.trim(), role: v.role });

export function InviteForm({
  workspaceId,
  onIssued,
}: {
  workspaceId: string;
  onIssued: (i: IssuedInvitation) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules: ServerRules<Values> = (s, v) => ({ schema: s.inviteSchema, input: toInput(workspaceId, v) });
  const form = useSchemaForm<Values>({
    mode: "controlled",
    initialValues: { email: "", role: "SETTER" },
    rules,
    validateInputOnChange: ["email"],
  });
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async (issued) => {
        form.reset();
        onIssued(issued);
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.pathKey() });
      },
      onError: (error) => {
        const message = applyServerErrors(form, error);
        if (message) notifyError(message, "Could not invite");
      },
    }),
  );
  return (
    <form
      noValidate
      aria-label="Invite a member"
      onSubmit={form.onSubmit((values) => invite.mutate(toInput(workspaceId, values)))}
    >
      <Group align="flex-start" gap="sm">
        <TextInput label="Email" type="email" withAsterisk w={280} {...form.getInputProps("email")} />
        <NativeSelect label="Role" data={ROLE_OPTIONS} w={180} {...form.getInputProps("role")} />
        <Button type="submit" mt={25} loading={invite.isPending || form.submitting}>
          Invite
        </Button>
      </Group>
    </form>
  );
}
