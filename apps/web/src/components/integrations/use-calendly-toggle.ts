"use client";

import { useMutation } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import type { CalendlyIntegration } from "./types";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

/** The Calendly on/off switch; shows the requested state while it is being saved. */
export function useCalendlyToggle(workspaceId: string, calendly: CalendlyIntegration) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  const toggle = useMutation(
    trpc.integrations.calendly.update.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        notifySuccess(
          result.enabled
            ? "Calendly deliveries are processed for this workspace."
            : "Calendly is turned off for this workspace.",
          result.enabled ? "Calendly enabled" : "Calendly disabled",
        );
      },
      onError: (error) => notifyError(error, "Could not change Calendly"),
    }),
  );
  const enabled =
    toggle.isPending && toggle.variables?.enabled !== undefined ? toggle.variables.enabled : calendly.enabled;
  return { enabled, pending: toggle.isPending, set: (on: boolean) => toggle.mutate({ workspaceId, enabled: on }) };
}
