"use client";

import { Button, Card, Group, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { applyServerErrors } from "~/lib/form";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { EventTypeSelect } from "./EventTypeSelect";
import { type MeetingBookingValues, validateMeetingBooking } from "./meeting-booking-schema";
import type { CalendlyIntegration, WorkspaceSettingsView } from "./types";

function initialValues(settings: WorkspaceSettingsView): MeetingBookingValues {
  return {
    provider: settings.meetingBookingProvider,
    eventTypeLink: settings.calendlyEventTypeLink ?? "",
    eventTypeUri: settings.calendlyEventTypeUri ?? "",
    eventTypeName: settings.calendlyEventTypeName ?? "",
    ghlCalendarId: settings.ghlCalendarId ?? "",
    ghlBookingLink: settings.ghlBookingLink ?? "",
  };
}

// Server field names → this form's field names.
const FIELD_MAP = {
  meetingBookingProvider: "provider",
  calendlyEventTypeLink: "eventTypeLink",
  calendlyEventTypeUri: "eventTypeUri",
  calendlyEventTypeName: "eventTypeName",
};

export function MeetingBookingCard({
  workspaceId,
  settings,
  calendly,
}: {
  workspaceId: string;
  settings: WorkspaceSettingsView;
  calendly: CalendlyIntegration;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = settings.canEdit;

  const form = useForm<MeetingBookingValues>({
    mode: "controlled",
    initialValues: initialValues(settings),
    validate: validateMeetingBooking,
    validateInputOnChange: true,
  });

  // Re-sync when the server copy changes (another save, another tab) and the user has no edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the server copy changes; `form` is a new object every render
  useEffect(() => {
    if (!form.isDirty()) {
      const values = initialValues(settings);
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
    }
  }, [settings]);

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey({ workspaceId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.integrations.calendly.get.queryKey({ workspaceId }) }),
    ]);

  const onError = (error: unknown) => {
    const message = applyServerErrors(form, error, FIELD_MAP);
    if (message) notifyError(message, "Meeting booking not saved");
  };

  const saveCalendly = useMutation(trpc.integrations.calendly.update.mutationOptions({ onError }));
  const saveSettings = useMutation(trpc.settings.update.mutationOptions({ onError }));
  const pending = saveCalendly.isPending || saveSettings.isPending;

  const submit = form.onSubmit(async (v) => {
    try {
      if (v.provider === "CALENDLY") {
        await saveCalendly.mutateAsync({
          workspaceId,
          provider: "CALENDLY",
          eventTypeLink: v.eventTypeLink.trim(),
          eventTypeUri: v.eventTypeUri.trim(),
          eventTypeName: v.eventTypeName.trim() || null,
        });
      } else {
        await saveSettings.mutateAsync({
          workspaceId,
          meetingBookingProvider: "GHL",
          ghlCalendarId: v.ghlCalendarId.trim() || null,
          ghlBookingLink: v.ghlBookingLink.trim() || null,
        });
      }
      form.setInitialValues(form.getValues());
      form.resetDirty();
      await invalidate();
      notifySuccess(
        v.provider === "CALENDLY" ? "Leads now book through Calendly." : "Leads now book through GHL.",
        "Meeting booking saved",
      );
    } catch {
      /* shown by onError */
    }
  });

  const provider = form.values.provider;
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

          {provider === "CALENDLY" ? (
            <Stack gap="sm">
              <EventTypeSelect
                workspaceId={workspaceId}
                tokenConfigured={calendly.tokenConfigured}
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
          ) : (
            <Stack gap="sm">
              <TextInput
                label="GHL booking link"
                placeholder="https://api.leadconnectorhq.com/widget/booking/…"
                readOnly={!canEdit}
                {...form.getInputProps("ghlBookingLink")}
              />
              <TextInput label="GHL calendar id" readOnly={!canEdit} {...form.getInputProps("ghlCalendarId")} />
            </Stack>
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
