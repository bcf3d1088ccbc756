"use client";

import { DEFAULT_BOOKING_MESSAGE_TEMPLATE } from "@booking/api/message-template";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { applyServerErrors } from "~/lib/form";
import { notifyError, notifySuccess } from "~/lib/notify";
import { type ServerRules, useSchemaForm } from "~/lib/schema-form";
import { resetFormTo, useFollowServerCopy } from "~/lib/server-copy";
import { useTRPC } from "~/trpc/react";
import type { WorkspaceSettingsView } from "./types";

type Values = { template: string };

const FIELD_MAP = { bookingMessageTemplate: "template" };

/** The workspace's booking message: checked by settings.update's own rule as the admin types, saved or reset. */
export function useMessageTemplate(workspaceId: string, settings: WorkspaceSettingsView) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = settings.bookingMessageTemplate ?? DEFAULT_BOOKING_MESSAGE_TEMPLATE;
  const rules: ServerRules<Values> = (s, v) => ({
    schema: s.updateSettingsSchema,
    input: { workspaceId, bookingMessageTemplate: v.template },
  });
  const form = useSchemaForm<Values>({
    mode: "controlled",
    initialValues: { template: stored },
    rules,
    fieldMap: FIELD_MAP,
    validateInputOnChange: true,
  });
  useFollowServerCopy(form, { template: stored }, stored);

  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onError: (error) => {
        const message = applyServerErrors(form, error, FIELD_MAP);
        if (message) notifyError(message, "Message not saved");
      },
    }),
  );

  /** Saves the message; null goes back to the default. */
  const submit = async (template: string | null) => {
    try {
      const saved = await save.mutateAsync({ workspaceId, bookingMessageTemplate: template });
      resetFormTo(form, { template: saved.bookingMessageTemplate ?? DEFAULT_BOOKING_MESSAGE_TEMPLATE });
      await queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey({ workspaceId }) });
      notifySuccess(
        template === null ? "The default message is back." : "Setters will copy this message.",
        "Message saved",
      );
    } catch {
      /* shown by onError */
    }
  };

  return { form, submit, pending: save.isPending };
}
