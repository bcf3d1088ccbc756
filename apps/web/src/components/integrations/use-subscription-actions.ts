"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

export const SUBSCRIPTION_STATE = {
  active: { tone: "ok", text: "Active" },
  disabled: { tone: "error", text: "Disabled by Calendly" },
  missing: { tone: "neutral", text: "Not subscribed" },
} as const;

/** Ensure / remove the webhook subscription, and re-read it from Calendly (`health`) on demand. */
export function useSubscriptionActions(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useCalendlyInvalidate(workspaceId);
  const ensure = useMutation(
    trpc.integrations.calendly.ensureSubscription.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        notifySuccess(
          result.state === "active"
            ? "Calendly will post invitee events to this workspace's webhook URL."
            : `Subscription state: ${result.state}.`,
          "Webhook subscription ready",
        );
      },
      onError: async (error) => {
        await invalidate();
        notifyError(error, "Could not set up the subscription");
      },
    }),
  );
  const remove = useMutation(
    trpc.integrations.calendly.removeSubscription.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        notifySuccess("Calendly no longer posts events for this workspace.", "Subscription removed");
      },
      onError: (error) => notifyError(error, "Could not remove the subscription"),
    }),
  );
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    try {
      const result = await queryClient.fetchQuery({
        ...trpc.integrations.calendly.health.queryOptions({ workspaceId }),
        staleTime: 0,
      });
      await invalidate();
      const state = SUBSCRIPTION_STATE[result.state]?.text.toLowerCase() ?? result.state;
      notifySuccess(`Calendly reports the subscription as ${state}.`, "Status refreshed");
    } catch (error) {
      notifyError(error, "Could not read the subscription from Calendly");
    } finally {
      setChecking(false);
    }
  };
  return { ensure, remove, check, checking };
}
