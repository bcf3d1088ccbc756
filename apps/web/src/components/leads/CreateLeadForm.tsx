"use client";

import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { applyServerErrors } from "~/lib/form";
import { notifyError, notifySuccess } from "~/lib/notify";
import { type ServerRules, useSchemaForm } from "~/lib/schema-form";
import { useTRPC } from "~/trpc/react";

type Values = { name: string; email: string; phone: string };

/** The leads.create input these values make (a blank phone is no phone). */
const toInput = (workspaceId: string, v: Values) => {
  const phone = v.phone.trim();
  return { workspaceId, name: v.name.trim(), email: v.email.trim(), ...(phone ? { phone } : {}) };
};

export function CreateLeadForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules: ServerRules<Values> = (s, v) => ({ schema: s.createLeadSchema, input: toInput(workspaceId, v) });
  const form = useSchemaForm<Values>({
    mode: "controlled",
    initialValues: { name: "", email: "", phone: "" },
    rules,
    validateInputOnChange: true,
  });

  const create = useMutation(
    trpc.leads.create.mutationOptions({
      onSuccess: async (lead) => {
        notifySuccess(`${lead.name} was added.`, "Lead created");
        await queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() });
        onDone();
      },
      onError: (error) => {
        const message = applyServerErrors(form, error);
        if (message) notifyError(message, "Could not create the lead");
      },
    }),
  );

  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(toInput(workspaceId, values)))}>
      <Stack gap="md">
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps("name")} />
        <TextInput label="Email" type="email" withAsterisk {...form.getInputProps("email")} />
        <TextInput label="Phone" description="Optional" type="tel" {...form.getInputProps("phone")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || form.submitting}>
            Create lead
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
