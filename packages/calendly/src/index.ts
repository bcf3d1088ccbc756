// "@booking/calendly": the typed Calendly API v2 client.
export * from "./client/index.ts";
export { CALENDLY_INVITEE_EVENTS, isInviteeEvent, type CalendlyWebhookEventName } from "./events.ts";
