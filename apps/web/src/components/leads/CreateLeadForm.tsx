"use client";

import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { applyServerErrors } from "~/lib/form";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { type CreateLeadValues, validateCreateLead } from "./create-lead-schema";

export function CreateLeadForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<CreateLeadValues>({
    mode: "controlled",
    initialValues: { name: "", email: "", phone: "" },
    validate: validateCreateLead,
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
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const phone = values.phone.trim();
        create.mutate({
          workspaceId,
          name: values.name.trim(),
          email: values.email.trim(),
          ...(phone ? { phone } : {}),
        });
      })}
    >
      <Stack gap="md">
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps("name")} />
        <TextInput label="Email" type="email" withAsterisk {...form.getInputProps("email")} />
        <TextInput label="Phone" description="Optional" type="tel" {...form.getInputProps("phone")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create lead
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
