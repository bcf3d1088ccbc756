import type { Db, MeetingBookingProvider } from "@booking/db";
import { DomainError } from "../../errors.ts";

export type WorkspaceSettingsView = {
  meetingBookingProvider: MeetingBookingProvider;
  ghlCalendarId: string | null;
  ghlBookingLink: string | null;
  calendlyEventTypeLink: string | null;
  calendlyEventTypeUri: string | null;
  calendlyEventTypeName: string | null;
  /** The workspace's booking message; null means the default (`DEFAULT_BOOKING_MESSAGE_TEMPLATE`). */
  bookingMessageTemplate: string | null;
};

export const settingsSelect = {
  meetingBookingProvider: true,
  ghlCalendarId: true,
  ghlBookingLink: true,
  calendlyEventTypeLink: true,
  calendlyEventTypeUri: true,
  calendlyEventTypeName: true,
  bookingMessageTemplate: true,
} as const;

export const defaultSettings: WorkspaceSettingsView = {
  meetingBookingProvider: "GHL",
  ghlCalendarId: null,
  ghlBookingLink: null,
  calendlyEventTypeLink: null,
  calendlyEventTypeUri: null,
  calendlyEventTypeName: null,
  bookingMessageTemplate: null,
};

export async function getSettings(deps: { db: Db }, workspaceId: string): Promise<WorkspaceSettingsView> {
  const client = await deps.db.client.findUnique({
    where: { id: workspaceId },
    select: { settings: { select: settingsSelect } },
  });
  if (!client) throw new DomainError("NOT_FOUND", "Workspace not found");
  return client.settings ?? defaultSettings;
}
