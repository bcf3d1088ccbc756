// "@booking/calendly": the typed Calendly API v2 client.
export * from "./client/index.ts";
export { CALENDLY_INVITEE_EVENTS, type CalendlyWebhookEventName, isInviteeEvent } from "./events.ts";
