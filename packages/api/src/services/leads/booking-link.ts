import { isCalendlyApiError } from "@booking/calendly";
import type { Db, MeetingBookingProvider } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { CalendlyIntegrationDeps } from "../calendly/deps.ts";
import { loadIntegration } from "../calendly/integration-state.ts";
import { calendlyToDomainError } from "../calendly/map-error.ts";
import { clientForWorkspace } from "../calendly/token.ts";
import { renderBookingMessage } from "../settings/message-template.ts";
import { singleUseLinkReusable } from "./get-lead.ts";

export type BookingLink = {
  provider: MeetingBookingProvider;
  url: string;
  /** A single-use Calendly scheduling link made for this lead (reused until the lead books). */
  singleUse: boolean;
  /** The workspace's booking message for this lead, with this link. */
  message: string;
};

export type BookingLinkDeps = CalendlyIntegrationDeps & {
  /** Waits between looks at a single-use link another request is creating (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
};

/**
 * How long a request that claimed the creation of a lead's single-use link may take (the Calendly
 * client gives up after 15 s); after that another request may claim it again.
 */
const CLAIM_LEASE_MS = 20_000;
const POLL_MS = 100;

const linkColumns = {
  singleUseLinkUrl: true,
  singleUseLinkEventTypeUri: true,
  singleUseLinkCreatedAt: true,
  appointmentBookedAt: true,
} as const;

/** The lead's name, email and id (utm_content, how a booking finds its lead) on a Calendly link. */
function calendlyPrefill(link: string, lead: { id: string; name: string; email: string }): string {
  const url = new URL(link);
  url.searchParams.set("name", lead.name);
  url.searchParams.set("email", lead.email);
  url.searchParams.set("utm_source", "crm");
  url.searchParams.set("utm_content", lead.id);
  return url.toString();
}

async function loadLead(db: Db, leadId: string) {
  const lead = await db.lead.findUnique({
    where: { id: leadId },
    select: {
      id: true,
      clientId: true,
      name: true,
      email: true,
      client: {
        select: {
          calendlyEnabled: true,
          calendlyAccessTokenEnc: true,
          settings: {
            select: {
              meetingBookingProvider: true,
              calendlyEventTypeLink: true,
              calendlyEventTypeUri: true,
              ghlBookingLink: true,
              bookingMessageTemplate: true,
            },
          },
        },
      },
    },
  });
  if (!lead) throw new DomainError("NOT_FOUND", "Lead not found");
  return lead;
}

/** A Calendly failure while making a single-use link, as a message a setter can act on. */
function singleUseLinkError(error: unknown): unknown {
  if (isCalendlyApiError(error) && error.kind === "not_found") {
    return new DomainError(
      "PRECONDITION_FAILED",
      "Calendly no longer has this workspace's event type: an admin must choose the event type again on the Integrations page",
      { cause: error },
    );
  }
  const mapped = calendlyToDomainError(error);
  if (mapped instanceof DomainError) {
    return new DomainError(mapped.code, `Could not create a single-use Calendly link: ${mapped.message}`, {
      ...(mapped.retryAfterSeconds !== undefined ? { retryAfterSeconds: mapped.retryAfterSeconds } : {}),
      cause: error,
    });
  }
  return mapped;
}

/**
 * The lead's single-use link: the stored one while it may be reused, otherwise a new one from
 * Calendly. One request at a time makes it: a request claims the creation with a conditional
 * update (the link columns then say "being made since <time>", url null) before it calls Calendly,
 * so two concurrent requests never create two links; the other one waits for the stored link. No
 * row lock or connection is held while Calendly answers. If Calendly fails, the claim is released.
 */
async function singleUseLink(
  deps: BookingLinkDeps,
  lead: { id: string; clientId: string; name: string; email: string },
  eventTypeUri: string,
): Promise<string> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = Date.now();
  for (;;) {
    const row = await deps.db.lead.findUnique({ where: { id: lead.id }, select: linkColumns });
    if (!row) throw new DomainError("NOT_FOUND", "Lead not found");
    if (singleUseLinkReusable(row, eventTypeUri)) return row.singleUseLinkUrl!;

    const now = deps.clock();
    const beingMade =
      row.singleUseLinkUrl === null &&
      row.singleUseLinkCreatedAt !== null &&
      now.getTime() - row.singleUseLinkCreatedAt.getTime() < CLAIM_LEASE_MS;
    if (beingMade) {
      if (Date.now() - started > CLAIM_LEASE_MS + 5_000)
        throw new DomainError("UPSTREAM_UNAVAILABLE", "The single-use link is still being created: try again");
      await sleep(POLL_MS);
      continue;
    }

    // Claim: only if nobody changed the link since we read it.
    const claim = await deps.db.lead.updateMany({
      where: {
        id: lead.id,
        singleUseLinkUrl: row.singleUseLinkUrl,
        singleUseLinkCreatedAt: row.singleUseLinkCreatedAt,
      },
      data: { singleUseLinkUrl: null, singleUseLinkEventTypeUri: eventTypeUri, singleUseLinkCreatedAt: now },
    });
    if (claim.count === 0) continue;

    let url: string;
    try {
      const state = await loadIntegration(deps.db, lead.clientId);
      const calendly = await clientForWorkspace(deps, state);
      const link = await calendly.createSingleUseSchedulingLink(eventTypeUri);
      url = calendlyPrefill(link.booking_url, lead);
    } catch (error) {
      await deps.db.lead.updateMany({
        where: { id: lead.id, singleUseLinkUrl: null, singleUseLinkCreatedAt: now },
        data: { singleUseLinkEventTypeUri: null, singleUseLinkCreatedAt: null },
      });
      throw singleUseLinkError(error);
    }
    // Still our claim (unless it outlived its lease and another request took over): store the link.
    await deps.db.lead.updateMany({
      where: { id: lead.id, singleUseLinkUrl: null, singleUseLinkCreatedAt: now },
      data: { singleUseLinkUrl: url },
    });
    return url;
  }
}

/**
 * The link a setter sends to a lead. Calendly: the workspace's event type link, or with
 * `singleUse` a single-use scheduling link made for this lead, with the lead's name and email
 * prefilled, `utm_source=crm` and the lead id in `utm_content` (echoed back in the webhook's
 * `tracking`, which is how a booking finds its lead). GHL: the booking link with the lead's name
 * and email as prefill parameters. With it, the workspace's message for this lead.
 */
export async function bookingLinkForLead(
  deps: BookingLinkDeps,
  leadId: string,
  opts: { singleUse?: boolean } = {},
): Promise<BookingLink> {
  const lead = await loadLead(deps.db, leadId);
  const settings = lead.client.settings;
  const provider = settings?.meetingBookingProvider ?? "GHL";
  const result = (url: string, singleUse: boolean): BookingLink => ({
    provider,
    url,
    singleUse,
    message: renderBookingMessage(settings?.bookingMessageTemplate ?? null, { name: lead.name, link: url }),
  });

  if (provider === "CALENDLY") {
    if (!lead.client.calendlyEnabled || !lead.client.calendlyAccessTokenEnc) {
      throw new DomainError("PRECONDITION_FAILED", "Calendly is not enabled for this workspace");
    }
    if (opts.singleUse) {
      if (!settings?.calendlyEventTypeUri) {
        throw new DomainError(
          "PRECONDITION_FAILED",
          "No Calendly event type is configured for this workspace: an admin must choose one on the Integrations page",
        );
      }
      return result(await singleUseLink(deps, lead, settings.calendlyEventTypeUri), true);
    }
    if (!settings?.calendlyEventTypeLink) {
      throw new DomainError("PRECONDITION_FAILED", "No Calendly event type link is configured for this workspace");
    }
    return result(calendlyPrefill(settings.calendlyEventTypeLink, lead), false);
  }

  if (opts.singleUse) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Single-use links need Calendly: this workspace books through GoHighLevel",
    );
  }
  if (!settings?.ghlBookingLink) {
    throw new DomainError("PRECONDITION_FAILED", "No GHL booking link is configured for this workspace");
  }
  const url = new URL(settings.ghlBookingLink);
  const [first, ...rest] = lead.name.trim().split(/\s+/);
  if (first) url.searchParams.set("first_name", first);
  if (rest.length) url.searchParams.set("last_name", rest.join(" "));
  url.searchParams.set("email", lead.email);
  return result(url.toString(), false);
}
