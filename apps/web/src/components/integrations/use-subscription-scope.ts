"use client";

import { useMutation } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

/** Changes the subscription scope; an existing subscription is recreated in the new scope. */
export function useSubscriptionScope(workspaceId: string) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  return useMutation(
    trpc.integrations.calendly.update.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        notifySuccess(
          result.subscriptionScope === "organization"
            ? "Bookings of every host in the Calendly organization now reach this workspace."
            : "Only the connected user's bookings reach this workspace.",
          "Subscription scope saved",
        );
      },
      onError: async (error) => {
        await invalidate();
        notifyError(error, "Could not change the subscription scope");
      },
    }),
  );
}
