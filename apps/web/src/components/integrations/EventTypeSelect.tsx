"use client";

import { NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import type { CalendlyEventTypeOption } from "./types";

/** Event types the workspace's Calendly token can see; choosing one fills link, URI and name. */
export function EventTypeSelect({
  workspaceId,
  tokenConfigured,
  value,
  name,
  disabled,
  onPick,
}: {
  workspaceId: string;
  tokenConfigured: boolean;
  value: string;
  /** Saved name of the event type, shown when the list is not loaded (read-only viewers). */
  name?: string;
  disabled?: boolean;
  onPick: (eventType: CalendlyEventTypeOption) => void;
}) {
  const trpc = useTRPC();
  const eventTypes = useQuery({
    ...trpc.integrations.calendly.eventTypes.queryOptions({ workspaceId }),
    enabled: tokenConfigured && !disabled,
    staleTime: 60_000,
  });

  const options = (eventTypes.data ?? []).map((t) => ({
    value: t.uri,
    label: `${t.name}${t.duration ? ` (${t.duration} min)` : ""}${t.active ? "" : " · inactive"}`,
  }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: name || "Entered by hand (below)" });
  const placeholder = eventTypes.isFetching ? "Loading event types…" : "Choose an event type";

  let description = "Loaded from Calendly; fills the link and URI below.";
  if (!tokenConfigured) description = "Save a Calendly token to pick from your event types, or paste the link and URI.";
  else if (eventTypes.isError) description = `Could not load event types: ${errorMessage(eventTypes.error)}`;
  else if (eventTypes.data && eventTypes.data.length === 0)
    description = "This Calendly account has no event types yet.";

  return (
    <NativeSelect
      label="Event type"
      description={description}
      data={[{ value: "", label: placeholder }, ...options]}
      value={value}
      disabled={disabled || !tokenConfigured || eventTypes.isPending}
      onChange={(e) => {
        const picked = eventTypes.data?.find((t) => t.uri === e.currentTarget.value);
        if (picked) onPick(picked);
      }}
      data-testid="event-type-select"
    />
  );
}
