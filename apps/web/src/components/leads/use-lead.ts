"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** A lead's details (with its appointment). */
export function useLead(leadId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.leads.get.queryOptions({ leadId }));
}

/** Every Calendly delivery about a lead, oldest first. */
export function useLeadTimeline(leadId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.leads.timeline.queryOptions({ leadId }));
}
