import type { Db, MeetingBookingProvider } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { defaultSettings, settingsSelect, type WorkspaceSettingsView } from "./get-settings.ts";

export type UpdateSettingsInput = {
  meetingBookingProvider?: MeetingBookingProvider;
  ghlCalendarId?: string | null;
  ghlBookingLink?: string | null;
  /** Null resets the message to the default. Validated by the caller (`bookingMessageTemplate` rule). */
  bookingMessageTemplate?: string | null;
};

/**
 * Partial update of the booking provider switch and the GHL fields. Switching to a provider (or
 * editing the active provider's fields) requires what that provider needs: GHL a calendar id or a
 * booking link; Calendly a stored token and an event type link (and it turns Calendly on).
 */
export async function updateSettings(
  deps: { db: Db },
  workspaceId: string,
  input: UpdateSettingsInput,
): Promise<WorkspaceSettingsView> {
  const client = await deps.db.client.findUnique({
    where: { id: workspaceId },
    select: { calendlyAccessTokenEnc: true, settings: { select: settingsSelect } },
  });
  if (!client) throw new DomainError("NOT_FOUND", "Workspace not found");
  const current = client.settings ?? defaultSettings;
  const next = {
    meetingBookingProvider: input.meetingBookingProvider ?? current.meetingBookingProvider,
    ghlCalendarId: input.ghlCalendarId === undefined ? current.ghlCalendarId : input.ghlCalendarId,
    ghlBookingLink: input.ghlBookingLink === undefined ? current.ghlBookingLink : input.ghlBookingLink,
    bookingMessageTemplate:
      input.bookingMessageTemplate === undefined ? current.bookingMessageTemplate : input.bookingMessageTemplate,
  };

  const fieldErrors: Record<string, string[]> = {};
  if (next.meetingBookingProvider === "GHL") {
    const touched =
      input.meetingBookingProvider !== undefined ||
      input.ghlCalendarId !== undefined ||
      input.ghlBookingLink !== undefined;
    if (touched && !next.ghlCalendarId && !next.ghlBookingLink) {
      fieldErrors.ghlBookingLink = ["GHL booking needs a booking link or a calendar id"];
    }
  }
  if (input.meetingBookingProvider === "CALENDLY") {
    if (!client.calendlyAccessTokenEnc)
      fieldErrors.meetingBookingProvider = ["Connect Calendly (save an access token) before choosing it"];
    else if (!current.calendlyEventTypeLink)
      fieldErrors.meetingBookingProvider = ["Choose a Calendly event type before choosing Calendly"];
  }
  if (Object.keys(fieldErrors).length > 0) {
    const first = Object.values(fieldErrors)[0]![0]!;
    throw new DomainError("PRECONDITION_FAILED", first, { fieldErrors });
  }

  const [, settings] = await deps.db.$transaction([
    deps.db.client.update({
      where: { id: workspaceId },
      // Choosing Calendly turns it on (its requirements were checked above).
      data: input.meetingBookingProvider === "CALENDLY" ? { calendlyEnabled: true } : {},
      select: { id: true },
    }),
    deps.db.workspaceSettings.upsert({
      where: { clientId: workspaceId },
      create: { clientId: workspaceId, ...next },
      update: next,
      select: settingsSelect,
    }),
  ]);
  return settings;
}
