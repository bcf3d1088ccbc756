"use client";

import { MESSAGE_TEMPLATE_MAX_LENGTH, renderBookingMessage } from "@booking/api/message-template";
import { Button, Card, Code, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import type { WorkspaceSettingsView } from "./types";
import { useMessageTemplate } from "./use-message-template";

const EXAMPLE = { name: "Maria Lopez", link: "https://calendly.com/d/abcd-1234/intro-call?name=Maria…" };

function MessagePreview({ message }: { message: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        Preview for {EXAMPLE.name}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="message-preview">
        {message}
      </Text>
    </div>
  );
}

/** The message setters copy for a lead: {{firstName}}, {{name}} and {{link}}; admins edit it. */
export function MessageTemplateCard({
  workspaceId,
  settings,
}: {
  workspaceId: string;
  settings: WorkspaceSettingsView;
}) {
  const { form, submit, pending } = useMessageTemplate(workspaceId, settings);
  const canEdit = settings.canEdit;
  // While the rules load, isValid() is a promise: the preview shows meanwhile.
  const validity = form.isValid() as boolean | Promise<boolean>;
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
          {validity !== false && (
            <MessagePreview message={renderBookingMessage(form.values.template.trim(), EXAMPLE)} />
          )}
          {canEdit && (
            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                disabled={pending || settings.bookingMessageTemplate === null}
                onClick={() => submit(null)}
              >
                Reset to default
              </Button>
              <Button type="submit" loading={pending || form.submitting} disabled={!form.isDirty()}>
                Save message
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
