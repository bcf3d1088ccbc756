import { maxLength, pattern, type Rule, rules } from "~/lib/validate";

export type MeetingBookingValues = {
  provider: "GHL" | "CALENDLY";
  eventTypeLink: string;
  eventTypeUri: string;
  eventTypeName: string;
  ghlCalendarId: string;
  ghlBookingLink: string;
};

// The same rules the API applies (SPEC 2): scheduling links on calendly.com, API URIs of event types.
const CALENDLY_LINK_RE = /^https:\/\/calendly\.com\/[A-Za-z0-9._~%-]+(\/[A-Za-z0-9._~%-]+)+\/?$/;
const CALENDLY_EVENT_TYPE_URI_RE = /^https:\/\/api\.calendly\.com\/event_types\/[A-Za-z0-9-]+$/;

const when =
  (provider: MeetingBookingValues["provider"], message: string): Rule<MeetingBookingValues> =>
  (v, values) =>
    values.provider === provider && !v.trim() ? message : null;

export const validateMeetingBooking = rules<MeetingBookingValues>({
  eventTypeLink: [
    when("CALENDLY", "Choose an event type or paste its scheduling link"),
    pattern(CALENDLY_LINK_RE, "Use a Calendly scheduling link: https://calendly.com/<user>/<event>"),
  ],
  eventTypeUri: [
    when("CALENDLY", "Choose an event type or paste its URI"),
    pattern(CALENDLY_EVENT_TYPE_URI_RE, "Use an event type URI: https://api.calendly.com/event_types/<id>"),
  ],
  ghlCalendarId: [maxLength(200, "Use at most 200 characters")],
  ghlBookingLink: [
    pattern(/^https:\/\/[^\s/]+\.[^\s]+$/, "Use an https:// booking link"),
    (v, values) =>
      values.provider === "GHL" && !v.trim() && !values.ghlCalendarId.trim()
        ? "Enter the GHL booking link or calendar id"
        : null,
  ],
});
