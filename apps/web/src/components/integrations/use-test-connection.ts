"use client";

import { useMutation } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

/** integrations.calendly.testConnection; the outcome is recorded on the workspace either way. */
export function useTestConnection(workspaceId: string) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  return useMutation(
    trpc.integrations.calendly.testConnection.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        const count = result.eventTypes.length;
        notifySuccess(
          `Connected as ${result.user.name} (${result.user.email}); ${count} event type${count === 1 ? "" : "s"} found.`,
          "Calendly connection works",
        );
      },
      onError: async (error) => {
        await invalidate();
        notifyError(error, "Calendly connection failed");
      },
    }),
  );
}
