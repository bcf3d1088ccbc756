// zod schemas of the Calendly API v2 resources we read (openapi.yaml). Unknown keys are kept;
// fields our callers use are required, everything else is optional/nullable.
import { z } from "zod";
import { inviteeResourceShape } from "../webhooks/schemas.ts";

const datetime = z.iso.datetime({ offset: true });
const nullableString = z.string().nullable().optional();

export const calendlyUserSchema = z.looseObject({
  uri: z.string().min(1),
  name: z.string(),
  slug: z.string(),
  email: z.string(),
  scheduling_url: z.string(),
  timezone: z.string(),
  avatar_url: nullableString,
  created_at: datetime.optional(),
  updated_at: datetime.optional(),
  current_organization: z.string().min(1),
});
export type CalendlyUser = z.infer<typeof calendlyUserSchema>;

export const calendlyEventTypeSchema = z.looseObject({
  uri: z.string().min(1),
  name: z.string().nullable(),
  active: z.boolean(),
  slug: nullableString,
  scheduling_url: z.string(),
  duration: z.number(),
  kind: z.string().optional(),
  pooling_type: nullableString,
  type: z.string().optional(),
  color: z.string().optional(),
  secret: z.boolean().optional(),
  deleted_at: nullableString,
  admin_managed: z.boolean().optional(),
  profile: z
    .looseObject({ type: z.string().optional(), name: z.string().optional(), owner: z.string().optional() })
    .nullable()
    .optional(),
  created_at: datetime.optional(),
  updated_at: datetime.optional(),
});
export type CalendlyEventType = z.infer<typeof calendlyEventTypeSchema>;

export const calendlyWebhookSubscriptionSchema = z.looseObject({
  uri: z.string().min(1),
  callback_url: z.string(),
  state: z.enum(["active", "disabled"]),
  events: z.array(z.string()),
  scope: z.enum(["organization", "user", "group"]),
  organization: z.string(),
  user: z.string().nullable().optional().default(null),
  creator: z.string().nullable().optional().default(null),
  retry_started_at: datetime.nullable().optional().default(null),
  created_at: datetime,
  updated_at: datetime,
});
export type CalendlyWebhookSubscription = z.infer<typeof calendlyWebhookSubscriptionSchema>;

export const calendlyScheduledEventSchema = z.looseObject({
  uri: z.string().min(1),
  name: nullableString,
  status: z.enum(["active", "canceled"]),
  start_time: datetime,
  end_time: datetime,
  event_type: nullableString,
  location: z.looseObject({ type: z.string().optional() }).nullable().optional(),
  invitees_counter: z.looseObject({ total: z.number(), active: z.number(), limit: z.number() }).optional(),
  event_memberships: z
    .array(z.looseObject({ user: nullableString, user_email: nullableString, user_name: nullableString }))
    .optional(),
  created_at: datetime.optional(),
  updated_at: datetime.optional(),
});
export type CalendlyScheduledEvent = z.infer<typeof calendlyScheduledEventSchema>;

/** POST /scheduling_links: a single-use booking URL owned by an event type. */
export const calendlySchedulingLinkSchema = z.looseObject({
  booking_url: z.string().min(1),
  owner: z.string(),
  owner_type: z.string(),
});
export type CalendlySchedulingLink = z.infer<typeof calendlySchedulingLinkSchema>;

/** POST /invitee_no_shows: the no-show mark of an invitee. */
export const calendlyInviteeNoShowSchema = z.looseObject({
  uri: z.string().min(1),
  invitee: z.string().min(1),
  created_at: datetime.optional(),
});
export type CalendlyInviteeNoShow = z.infer<typeof calendlyInviteeNoShowSchema>;

/** GET /organization_memberships: a user's role in its organization. */
export const calendlyOrganizationMembershipSchema = z.looseObject({
  uri: z.string().min(1),
  role: z.string(),
  organization: z.string().min(1),
  user: z.looseObject({ uri: z.string().min(1), name: z.string().optional(), email: z.string().optional() }),
});
export type CalendlyOrganizationMembership = z.infer<typeof calendlyOrganizationMembershipSchema>;

/** The invitee resource: the webhook invitee payload's keys minus `scheduled_event`. */
export const calendlyInviteeSchema = z.looseObject(inviteeResourceShape);
export type CalendlyInvitee = z.infer<typeof calendlyInviteeSchema>;

const paginationSchema = z.looseObject({
  count: z.number().optional(),
  next_page: z.string().nullable().optional(),
  next_page_token: z.string().nullable().optional(),
});

export const resourceResponse = <T extends z.ZodType>(resource: T) => z.looseObject({ resource });
export const collectionResponse = <T extends z.ZodType>(item: T) =>
  z.looseObject({ collection: z.array(item), pagination: paginationSchema.nullable().optional() });

/** Calendly's ErrorResponse `{ title, message, details? }`, parsed leniently (it may be absent). */
export const calendlyErrorBodySchema = z.looseObject({
  title: z.string().optional(),
  message: z.string().optional(),
  details: z
    .array(z.looseObject({ parameter: z.string().optional(), message: z.unknown().optional() }))
    .optional()
    .catch(undefined),
  required_scopes: z.array(z.string()).optional().catch(undefined),
});
export type CalendlyErrorBody = z.infer<typeof calendlyErrorBodySchema>;
