// zod schemas of Calendly webhook bodies (API-NOTES section E). Unknown keys are kept; fields the
// lead mapping relies on are strict, everything else is optional/nullable so a Calendly change in
// an unrelated field never makes us drop a delivery.
import { z } from "zod";

const datetime = z.iso.datetime({ offset: true });
const nullableString = z.string().nullable().optional();

export const webhookEnvelopeSchema = z.looseObject({
  event: z.string().min(1),
  created_at: datetime,
  created_by: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export const trackingSchema = z.looseObject({
  utm_campaign: nullableString,
  utm_source: nullableString,
  utm_medium: nullableString,
  utm_content: nullableString,
  utm_term: nullableString,
  salesforce_uuid: nullableString,
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
  name: nullableString,
  status: z.string().optional(),
  start_time: datetime,
  end_time: datetime,
  event_type: nullableString,
  location: z.looseObject({ type: z.string().optional() }).nullable().optional(),
  event_memberships: z
    .array(z.looseObject({ user: nullableString, user_email: nullableString, user_name: nullableString }))
    .optional(),
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
  timezone: nullableString,
  event: z.string().min(1),
  created_at: datetime,
  updated_at: datetime,
  cancel_url: nullableString,
  reschedule_url: nullableString,
  rescheduled: z.boolean().optional().default(false),
  old_invitee: nullableString,
  new_invitee: nullableString,
  questions_and_answers: z
    .array(
      z.looseObject({
        question: z.string().optional(),
        answer: z.string().nullable().optional(),
        position: z.number().optional(),
      }),
    )
    .optional(),
  tracking: trackingSchema.nullable().optional(),
  text_reminder_number: nullableString,
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
