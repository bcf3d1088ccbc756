import type { CalendlyEventType } from "@booking/calendly";

export type EventTypeOption = { uri: string; name: string; schedulingUrl: string; active: boolean; duration: number };

export function toEventTypeOption(e: CalendlyEventType): EventTypeOption {
  return {
    uri: e.uri,
    name: e.name ?? e.slug ?? "Untitled event type",
    schedulingUrl: e.scheduling_url,
    active: e.active,
    duration: e.duration,
  };
}
