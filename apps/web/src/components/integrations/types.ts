import type { RouterOutputs } from "@booking/api";

export type WorkspaceSettingsView = RouterOutputs["settings"]["get"];
export type CalendlyIntegration = RouterOutputs["integrations"]["calendly"]["get"];
export type CalendlySubscription = CalendlyIntegration["subscription"];
export type CalendlyConnection = CalendlyIntegration["connection"];
export type CalendlyEventTypeOption = RouterOutputs["integrations"]["calendly"]["eventTypes"][number];
export type BookingProvider = WorkspaceSettingsView["meetingBookingProvider"];
