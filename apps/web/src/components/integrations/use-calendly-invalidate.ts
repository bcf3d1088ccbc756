"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** Refetch everything on the Integrations page that a Calendly action can change. */
export function useCalendlyInvalidate(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.integrations.calendly.get.queryKey({ workspaceId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.integrations.calendly.eventTypes.queryKey({ workspaceId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey({ workspaceId }) }),
    ]);
}
