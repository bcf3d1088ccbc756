import { z } from "zod";

// The same rules the API applies (SPEC 2): scheduling links on calendly.com, API URIs of event types.
export const CALENDLY_LINK_RE = /^https:\/\/calendly\.com\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~%-]+)*\/?$/;
export const CALENDLY_EVENT_TYPE_URI_RE = /^https:\/\/api\.calendly\.com\/event_types\/[A-Za-z0-9-]+$/;

export const meetingBookingSchema = z
  .object({
    provider: z.enum(["GHL", "CALENDLY"]),
    eventTypeLink: z.string().trim(),
    eventTypeUri: z.string().trim(),
    eventTypeName: z.string().trim(),
    ghlCalendarId: z.string().trim().max(200, "Use at most 200 characters"),
    ghlBookingLink: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.eventTypeLink && !CALENDLY_LINK_RE.test(v.eventTypeLink)) {
      ctx.addIssue({ code: "custom", path: ["eventTypeLink"], message: "Use a Calendly scheduling link: https://calendly.com/<user>/<event>" });
    }
    if (v.eventTypeUri && !CALENDLY_EVENT_TYPE_URI_RE.test(v.eventTypeUri)) {
      ctx.addIssue({ code: "custom", path: ["eventTypeUri"], message: "Use an event type URI: https://api.calendly.com/event_types/<id>" });
    }
    if (v.provider === "CALENDLY") {
      if (!v.eventTypeLink) ctx.addIssue({ code: "custom", path: ["eventTypeLink"], message: "Choose an event type or paste its scheduling link" });
      if (!v.eventTypeUri) ctx.addIssue({ code: "custom", path: ["eventTypeUri"], message: "Choose an event type or paste its URI" });
    }
    if (v.ghlBookingLink && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(v.ghlBookingLink)) {
      ctx.addIssue({ code: "custom", path: ["ghlBookingLink"], message: "Use an https:// booking link" });
    }
    if (v.provider === "GHL" && !v.ghlCalendarId && !v.ghlBookingLink) {
      ctx.addIssue({ code: "custom", path: ["ghlBookingLink"], message: "Enter the GHL booking link or calendar id" });
    }
  });

export type MeetingBookingValues = z.input<typeof meetingBookingSchema>;
