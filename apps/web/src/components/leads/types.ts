import type { RouterInputs, RouterOutputs } from "@booking/api";

export type LeadListItem = RouterOutputs["leads"]["list"]["items"][number];
export type AppointmentStatus = LeadListItem["appointmentStatus"];
export type LeadStatusFilter = NonNullable<RouterInputs["leads"]["list"]["status"]>;
export type LeadDetails = RouterOutputs["leads"]["get"];
export type TimelineEntry = RouterOutputs["leads"]["timeline"]["items"][number];
