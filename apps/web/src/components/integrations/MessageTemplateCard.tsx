"use client";

import {
  bookingMessageTemplate,
  DEFAULT_BOOKING_MESSAGE_TEMPLATE,
  MESSAGE_TEMPLATE_MAX_LENGTH,
  renderBookingMessage,
} from "@booking/api/message-template";
import { Button, Card, Code, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { applyServerErrors } from "~/lib/form";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import type { WorkspaceSettingsView } from "./types";

type Values = { template: string };

// The API's own zod rule (must contain {{link}}, known placeholders only, length cap).
function validate(values: Values): Partial<Record<keyof Values, string>> {
  const result = bookingMessageTemplate.safeParse(values.template);
  return result.success ? {} : { template: result.error.issues.map((i) => i.message).join(" · ") };
}

const EXAMPLE = { name: "Maria Lopez", link: "https://calendly.com/d/abcd-1234/intro-call?name=Maria…" };

/** The message setters copy for a lead: {{firstName}}, {{name}} and {{link}}; admins edit it. */
export function MessageTemplateCard({
  workspaceId,
  settings,
}: {
  workspaceId: string;
  settings: WorkspaceSettingsView;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = settings.canEdit;
  const stored = settings.bookingMessageTemplate ?? DEFAULT_BOOKING_MESSAGE_TEMPLATE;
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { template: stored },
    validate,
    validateInputOnChange: true,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-sync only when the server copy changes; `form` is a new object every render
  useEffect(() => {
    if (!form.isDirty()) {
      form.setInitialValues({ template: stored });
      form.setValues({ template: stored });
      form.resetDirty({ template: stored });
    }
  }, [stored]);

  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onError: (error) => {
        const message = applyServerErrors(form, error, { bookingMessageTemplate: "template" });
        if (message) notifyError(message, "Message not saved");
      },
    }),
  );

  const submit = async (template: string | null) => {
    try {
      const saved = await save.mutateAsync({ workspaceId, bookingMessageTemplate: template });
      const value = saved.bookingMessageTemplate ?? DEFAULT_BOOKING_MESSAGE_TEMPLATE;
      form.setInitialValues({ template: value });
      form.setValues({ template: value });
      form.resetDirty({ template: value });
      await queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey({ workspaceId }) });
      notifySuccess(
        template === null ? "The default message is back." : "Setters will copy this message.",
        "Message saved",
      );
    } catch {
      /* shown by onError */
    }
  };

  const preview = form.isValid() ? renderBookingMessage(form.values.template.trim(), EXAMPLE) : null;
  return (
    <Card component="section" aria-labelledby="message-template-title" data-testid="message-template-card">
      <form noValidate onSubmit={form.onSubmit((v) => submit(v.template))}>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="message-template-title">
              Booking message
            </Title>
            <Text size="sm" c="dimmed">
              What setters copy from a lead's page to send its booking link. Placeholders:{" "}
              <Code>{"{{firstName}}"}</Code> <Code>{"{{name}}"}</Code> <Code>{"{{link}}"}</Code> (required).
            </Text>
          </div>
          <Textarea
            label="Message"
            autosize
            minRows={3}
            maxRows={8}
            readOnly={!canEdit}
            maxLength={MESSAGE_TEMPLATE_MAX_LENGTH + 50}
            description={`${form.values.template.length} / ${MESSAGE_TEMPLATE_MAX_LENGTH} characters`}
            {...form.getInputProps("template")}
          />
          {preview && (
            <div>
              <Text size="xs" c="dimmed" fw={500}>
                Preview for {EXAMPLE.name}
              </Text>
              <Text
                size="sm"
                style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
                data-testid="message-preview"
              >
                {preview}
              </Text>
            </div>
          )}
          {canEdit && (
            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                disabled={save.isPending || settings.bookingMessageTemplate === null}
                onClick={() => submit(null)}
              >
                Reset to default
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save message
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
