"use client";

import { useMutation } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

/** integrations.calendly.disconnect, refreshing the page's data and saying what happened. */
export function useDisconnect(workspaceId: string) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  return useMutation(
    trpc.integrations.calendly.disconnect.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        const problem = result.events[0]?.kind === "DISCONNECTED" ? result.events[0].error : null;
        if (problem) notifyError(`Disconnected, but ${problem}.`, "Calendly disconnected");
        else notifySuccess("Calendly is disconnected and its credentials are forgotten.", "Calendly disconnected");
      },
      onError: (error) => notifyError(error, "Could not disconnect Calendly"),
    }),
  );
}
