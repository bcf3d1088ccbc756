import { z } from "zod";
import { httpsUrl, input, text, workspaceId } from "../../lib/validators.ts";
import { bookingMessageTemplate } from "../../services/settings/message-template.ts";

export const updateSchema = input({
  workspaceId,
  meetingBookingProvider: z.enum(["GHL", "CALENDLY"], { message: "Choose GHL or Calendly" }).optional(),
  ghlCalendarId: text()
    .trim()
    .min(1, "Calendar id must not be empty")
    .max(200, "Calendar id is too long")
    .nullable()
    .optional(),
  ghlBookingLink: httpsUrl("Must be an https:// booking link").nullable().optional(),
  /** The message a setter copies for a lead ({{firstName}}, {{name}}, {{link}}); null resets it to the default. */
  bookingMessageTemplate: text().pipe(bookingMessageTemplate).nullable().optional(),
});
