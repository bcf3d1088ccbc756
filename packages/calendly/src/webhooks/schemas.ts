// zod schemas of Calendly webhook bodies (API-NOTES section E). Unknown keys are kept; fields the
// lead mapping relies on are strict, everything else is optional/nullable so a Calendly change in
// an unrelated field never makes us drop a delivery.
import { z } from "zod";

const datetime = z.iso.datetime({ offset: true });
const nullableString = z.string().nullable().optional();
/**
 * An appointment detail we store and show but never decide on (location, host, links, answers,
 * UTM values): a value of another type becomes null instead of refusing the delivery.
 */
const detail = z.string().nullable().optional().catch(null);

export const webhookEnvelopeSchema = z.looseObject({
  event: z.string().min(1),
  created_at: datetime,
  created_by: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export const trackingSchema = z.looseObject({
  utm_campaign: detail,
  utm_source: detail,
  utm_medium: detail,
  utm_content: detail,
  utm_term: detail,
  salesforce_uuid: detail,
});

export const cancellationSchema = z.looseObject({
  canceled_by: nullableString,
  reason: nullableString,
  canceler_type: nullableString,
  created_at: datetime.nullable().optional(),
});

export const noShowSchema = z.looseObject({
  uri: z.string(),
  created_at: datetime,
});

export const embeddedScheduledEventSchema = z.looseObject({
  uri: z.string().min(1),
  name: detail,
  status: z.string().optional(),
  start_time: datetime,
  end_time: datetime,
  event_type: nullableString,
  /** Where the meeting is: `type` (google_conference, zoom, physical, outbound_call, ...), the address or phone in `location`, the video link in `join_url`. */
  location: z.looseObject({ type: detail, location: detail, join_url: detail }).nullable().optional().catch(null),
  /** The hosts; the first is the booking's host. */
  event_memberships: z
    .array(z.looseObject({ user: detail, user_email: detail, user_name: detail }))
    .optional()
    .catch(undefined),
  created_at: datetime.optional(),
  updated_at: datetime.optional(),
});

const email = z
  .string()
  .trim()
  .min(3)
  .refine((value) => value.includes("@"), { message: "Invalid email address" });

/** Fields shared by the webhook invitee payload and the `GET .../invitees` resource. */
export const inviteeResourceShape = {
  uri: z.string().min(1),
  email,
  name: z.string().nullable().optional(),
  first_name: nullableString,
  last_name: nullableString,
  status: z.enum(["active", "canceled"]),
  timezone: detail,
  event: z.string().min(1),
  created_at: datetime,
  updated_at: datetime,
  cancel_url: detail,
  reschedule_url: detail,
  rescheduled: z.boolean().optional().default(false),
  old_invitee: nullableString,
  new_invitee: nullableString,
  /** The booking form's answers, in Calendly's order (`position`). */
  questions_and_answers: z
    .array(z.looseObject({ question: detail, answer: detail, position: z.number().optional().catch(undefined) }))
    .optional()
    .catch(undefined),
  tracking: trackingSchema.nullable().optional(),
  text_reminder_number: detail,
  cancellation: cancellationSchema.nullable().optional(),
  no_show: noShowSchema.nullable().optional(),
  scheduling_method: nullableString,
  invitee_scheduled_by: nullableString,
};

export const inviteePayloadSchema = z.looseObject({
  ...inviteeResourceShape,
  scheduled_event: embeddedScheduledEventSchema,
});
export type InviteePayload = z.infer<typeof inviteePayloadSchema>;
