"use client";

import { Button, Card, Group, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { EventTypeSelect } from "./EventTypeSelect";
import type { CalendlyIntegration, WorkspaceSettingsView } from "./types";
import { useMeetingBooking } from "./use-meeting-booking";

type Form = ReturnType<typeof useMeetingBooking>["form"];

function CalendlyFields({
  form,
  workspaceId,
  tokenConfigured,
  canEdit,
}: {
  form: Form;
  workspaceId: string;
  tokenConfigured: boolean;
  canEdit: boolean;
}) {
  return (
    <Stack gap="sm">
      <EventTypeSelect
        workspaceId={workspaceId}
        tokenConfigured={tokenConfigured}
        value={form.values.eventTypeUri}
        name={form.values.eventTypeName}
        disabled={!canEdit}
        onPick={(t) => {
          form.setFieldValue("eventTypeUri", t.uri);
          form.setFieldValue("eventTypeLink", t.schedulingUrl);
          form.setFieldValue("eventTypeName", t.name);
        }}
      />
      <TextInput
        label="Scheduling link"
        description="The public link leads open, e.g. https://calendly.com/acme/intro-call"
        placeholder="https://calendly.com/…"
        readOnly={!canEdit}
        {...form.getInputProps("eventTypeLink")}
      />
      <TextInput
        label="Event type URI"
        description="The API URI Calendly's webhooks refer to"
        placeholder="https://api.calendly.com/event_types/…"
        readOnly={!canEdit}
        {...form.getInputProps("eventTypeUri")}
      />
    </Stack>
  );
}

function GhlFields({ form, canEdit }: { form: Form; canEdit: boolean }) {
  return (
    <Stack gap="sm">
      <TextInput
        label="GHL booking link"
        placeholder="https://api.leadconnectorhq.com/widget/booking/…"
        readOnly={!canEdit}
        {...form.getInputProps("ghlBookingLink")}
      />
      <TextInput label="GHL calendar id" readOnly={!canEdit} {...form.getInputProps("ghlCalendarId")} />
    </Stack>
  );
}

export function MeetingBookingCard({
  workspaceId,
  settings,
  calendly,
}: {
  workspaceId: string;
  settings: WorkspaceSettingsView;
  calendly: CalendlyIntegration;
}) {
  const { form, submit, pending } = useMeetingBooking(workspaceId, settings);
  const canEdit = settings.canEdit;
  return (
    <Card component="section" aria-labelledby="meeting-booking-title" data-testid="meeting-booking-card">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id="meeting-booking-title">
              Meeting Booking
            </Title>
            <Text size="sm" c="dimmed">
              Where setters send leads to book a call.
            </Text>
          </div>

          <Radio.Group label="Booking provider" {...form.getInputProps("provider")} data-testid="provider-control">
            <Group gap="lg" mt={6}>
              <Radio value="GHL" label="GoHighLevel" disabled={!canEdit} />
              <Radio value="CALENDLY" label="Calendly" disabled={!canEdit} />
            </Group>
          </Radio.Group>

          {form.values.provider === "CALENDLY" ? (
            <CalendlyFields
              form={form}
              workspaceId={workspaceId}
              tokenConfigured={calendly.tokenConfigured}
              canEdit={canEdit}
            />
          ) : (
            <GhlFields form={form} canEdit={canEdit} />
          )}

          {canEdit && (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" disabled={!form.isDirty() || pending} onClick={() => form.reset()}>
                Discard changes
              </Button>
              <Button type="submit" loading={pending} disabled={!form.isDirty()}>
                Save meeting booking
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
