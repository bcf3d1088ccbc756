/** The webhook events this CRM subscribes to (all need the `scheduled_events:read` scope). */
export const CALENDLY_INVITEE_EVENTS = [
  "invitee.created",
  "invitee.canceled",
  "invitee_no_show.created",
  "invitee_no_show.deleted",
] as const;

export type CalendlyWebhookEventName = (typeof CALENDLY_INVITEE_EVENTS)[number];

export function isInviteeEvent(event: string): event is CalendlyWebhookEventName {
  return (CALENDLY_INVITEE_EVENTS as readonly string[]).includes(event);
}
