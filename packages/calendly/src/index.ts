// "@booking/calendly": the typed Calendly API v2 client.
export { CALENDLY_INVITEE_EVENTS, isInviteeEvent, type CalendlyWebhookEventName } from "./events.ts";
