"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { applyServerErrors } from "~/lib/form";
import { notifyError, notifySuccess } from "~/lib/notify";
import { type ServerRules, useSchemaForm } from "~/lib/schema-form";
import { resetFormTo, useFollowServerCopy } from "~/lib/server-copy";
import { useTRPC } from "~/trpc/react";
import type { WorkspaceSettingsView } from "./types";

export type MeetingBookingValues = {
  provider: "GHL" | "CALENDLY";
  eventTypeLink: string;
  eventTypeUri: string;
  eventTypeName: string;
  ghlCalendarId: string;
  ghlBookingLink: string;
};

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

/** Calendly is saved by integrations.calendly.update, GHL by settings.update: each input from the values. */
const calendlyInput = (workspaceId: string, v: MeetingBookingValues) => ({
  workspaceId,
  provider: "CALENDLY" as const,
  eventTypeLink: v.eventTypeLink.trim(),
  eventTypeUri: v.eventTypeUri.trim(),
  eventTypeName: v.eventTypeName.trim() || null,
});
const ghlInput = (workspaceId: string, v: MeetingBookingValues) => ({
  workspaceId,
  meetingBookingProvider: "GHL" as const,
  ghlCalendarId: v.ghlCalendarId.trim() || null,
  ghlBookingLink: v.ghlBookingLink.trim() || null,
});

/** The Meeting Booking form: the provider and its fields, checked by the procedure that saves them. */
export function useMeetingBooking(workspaceId: string, settings: WorkspaceSettingsView) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules: ServerRules<MeetingBookingValues> = (s, v) =>
    v.provider === "CALENDLY"
      ? { schema: s.updateCalendlySchema, input: calendlyInput(workspaceId, v) }
      : { schema: s.updateSettingsSchema, input: ghlInput(workspaceId, v) };
  const form = useSchemaForm<MeetingBookingValues>({
    mode: "controlled",
    initialValues: initialValues(settings),
    rules,
    fieldMap: FIELD_MAP,
    validateInputOnChange: true,
  });
  useFollowServerCopy(form, initialValues(settings), settings);

  const onError = (error: unknown) => {
    const message = applyServerErrors(form, error, FIELD_MAP);
    if (message) notifyError(message, "Meeting booking not saved");
  };
  const saveCalendly = useMutation(trpc.integrations.calendly.update.mutationOptions({ onError }));
  const saveSettings = useMutation(trpc.settings.update.mutationOptions({ onError }));

  const submit = form.onSubmit(async (v) => {
    try {
      if (v.provider === "CALENDLY") await saveCalendly.mutateAsync(calendlyInput(workspaceId, v));
      else await saveSettings.mutateAsync(ghlInput(workspaceId, v));
      resetFormTo(form, form.getValues());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey({ workspaceId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.integrations.calendly.get.queryKey({ workspaceId }) }),
      ]);
      notifySuccess(
        v.provider === "CALENDLY" ? "Leads now book through Calendly." : "Leads now book through GHL.",
        "Meeting booking saved",
      );
    } catch {
      /* shown by onError */
    }
  });

  return { form, submit, pending: saveCalendly.isPending || saveSettings.isPending || form.submitting };
}
