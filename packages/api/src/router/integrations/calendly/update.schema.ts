import { z } from "zod";
import {
  calendlyEventTypeLink,
  calendlyEventTypeUri,
  calendlyToken,
  input,
  text,
  workspaceId,
} from "../../../lib/validators.ts";

export const updateSchema = input({
  workspaceId,
  provider: z.enum(["GHL", "CALENDLY"], { message: "Choose GHL or Calendly" }).optional(),
  enabled: z.boolean().optional(),
  eventTypeLink: calendlyEventTypeLink.nullable().optional(),
  eventTypeUri: calendlyEventTypeUri.nullable().optional(),
  eventTypeName: text().trim().min(1, "Name must not be empty").max(200, "Name is too long").nullable().optional(),
  /** A new personal access token; null removes the stored one. */
  token: calendlyToken.nullable().optional(),
  /** Store the token without checking it against Calendly (operators). */
  skipVerification: z.boolean().optional(),
  /** Scope of the webhook subscription; organization needs an owner or admin connection. */
  subscriptionScope: z.enum(["user", "organization"], { message: "Choose user or organization" }).optional(),
});
