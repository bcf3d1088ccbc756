import type { RouterOutputs } from "@booking/api";

export type WorkspaceSettingsView = RouterOutputs["settings"]["get"];
export type CalendlyIntegration = RouterOutputs["integrations"]["calendly"]["get"];
export type CalendlyEventTypeOption = RouterOutputs["integrations"]["calendly"]["eventTypes"][number];
export type IntegrationEvent = CalendlyIntegration["events"][number];
