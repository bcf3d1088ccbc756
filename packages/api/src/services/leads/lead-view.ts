import type { AppointmentStatus, LeadSource, MemberRole, Prisma } from "@booking/db";

/** What leads.create returns (and the base of leads.get). */
export const leadSelect = {
  id: true,
  clientId: true,
  name: true,
  email: true,
  phone: true,
  source: true,
  appointmentStatus: true,
  appointmentStartAt: true,
  appointmentEndAt: true,
  appointmentBookedAt: true,
  appointmentCanceledAt: true,
  appointmentCancelReason: true,
  appointmentCanceledBy: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type LeadView = Prisma.LeadGetPayload<{ select: typeof leadSelect }>;

/** The columns leads.get reads: the view plus what Calendly told us about the appointment. */
export const leadDetailsSelect = {
  ...leadSelect,
  appointmentCancelerType: true,
  appointmentEventName: true,
  appointmentLocationType: true,
  appointmentLocation: true,
  appointmentJoinUrl: true,
  appointmentHostName: true,
  appointmentHostEmail: true,
  appointmentRescheduleUrl: true,
  appointmentCancelUrl: true,
  appointmentAnswers: true,
  appointmentTextReminderNumber: true,
  appointmentTimezone: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  utmContent: true,
  utmTerm: true,
  calendlyInviteeUri: true,
  calendlyNoShowUri: true,
  singleUseLinkUrl: true,
  singleUseLinkEventTypeUri: true,
  singleUseLinkCreatedAt: true,
} as const;

export type LeadDetailsRow = Prisma.LeadGetPayload<{ select: typeof leadDetailsSelect }>;

/** One answer of the booking form, in Calendly's order. */
export type BookingAnswer = { question: string; answer: string; position: number };

/** The workspace member whose email is the host's (the host in the CRM). */
export type HostMember = { email: string; roles: MemberRole[] };

export type LeadDetails = LeadView & {
  appointmentCancelerType: string | null;
  appointmentEventName: string | null;
  appointmentLocationType: string | null;
  appointmentLocation: string | null;
  appointmentJoinUrl: string | null;
  appointmentRescheduleUrl: string | null;
  appointmentCancelUrl: string | null;
  appointmentTextReminderNumber: string | null;
  appointmentTimezone: string | null;
  /** Booking-form answers, ordered by position. */
  answers: BookingAnswer[];
  host: { name: string | null; email: string | null; member: HostMember | null } | null;
  utm: {
    source: string | null;
    medium: string | null;
    campaign: string | null;
    content: string | null;
    term: string | null;
  };
  /** Whether the lead's current booking is known to Calendly (no-show actions need it). */
  hasCalendlyInvitee: boolean;
  noShow: { marked: boolean; markedInCalendly: boolean };
  /** The single-use link made for this lead; `reusable` is false once the lead booked after it was made. */
  singleUseLink: { url: string | null; eventTypeUri: string | null; createdAt: Date; reusable: boolean } | null;
};

/** A row of leads.list. */
export type LeadListItem = {
  id: string;
  name: string;
  email: string;
  source: LeadSource;
  appointmentStatus: AppointmentStatus;
  appointmentStartAt: Date | null;
  appointmentEndAt: Date | null;
  appointmentHostName: string | null;
  appointmentHostEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
};
