import type { Db, MeetingBookingProvider } from "@booking/db";
import { DomainError } from "../../errors.ts";

export type BookingLink = { provider: MeetingBookingProvider; url: string };

/**
 * The link a setter sends to a lead. Calendly: the workspace's event type link with the lead's
 * name and email prefilled, `utm_source=crm` and the lead id in `utm_content` (echoed back in the
 * webhook's `tracking`, which is how a booking finds its lead). GHL: the booking link with the
 * lead's name and email as prefill parameters.
 */
export async function bookingLinkForLead(deps: { db: Db }, leadId: string): Promise<BookingLink> {
  const lead = await deps.db.lead.findUnique({
    where: { id: leadId },
    select: {
      id: true,
      name: true,
      email: true,
      client: {
        select: {
          calendlyEnabled: true,
          calendlyAccessTokenEnc: true,
          settings: { select: { meetingBookingProvider: true, calendlyEventTypeLink: true, ghlBookingLink: true } },
        },
      },
    },
  });
  if (!lead) throw new DomainError("NOT_FOUND", "Lead not found");
  const settings = lead.client.settings;
  const provider = settings?.meetingBookingProvider ?? "GHL";

  if (provider === "CALENDLY") {
    if (!lead.client.calendlyEnabled || !lead.client.calendlyAccessTokenEnc) {
      throw new DomainError("PRECONDITION_FAILED", "Calendly is not enabled for this workspace");
    }
    if (!settings?.calendlyEventTypeLink) {
      throw new DomainError("PRECONDITION_FAILED", "No Calendly event type link is configured for this workspace");
    }
    const url = new URL(settings.calendlyEventTypeLink);
    url.searchParams.set("name", lead.name);
    url.searchParams.set("email", lead.email);
    url.searchParams.set("utm_source", "crm");
    url.searchParams.set("utm_content", lead.id);
    return { provider, url: url.toString() };
  }

  if (!settings?.ghlBookingLink) {
    throw new DomainError("PRECONDITION_FAILED", "No GHL booking link is configured for this workspace");
  }
  const url = new URL(settings.ghlBookingLink);
  const [first, ...rest] = lead.name.trim().split(/\s+/);
  if (first) url.searchParams.set("first_name", first);
  if (rest.length) url.searchParams.set("last_name", rest.join(" "));
  url.searchParams.set("email", lead.email);
  return { provider, url: url.toString() };
}
