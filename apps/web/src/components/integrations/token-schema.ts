import { z } from "zod";

export const tokenSchema = z.object({
  token: z
    .string()
    .trim()
    .min(1, "Paste the personal access token")
    .min(20, "This does not look like a Calendly access token (too short)")
    .max(4096, "This is too long for a Calendly token")
    .regex(/^[\x21-\x7e]+$/, "A token has no spaces or special characters"),
});

export type TokenValues = z.input<typeof tokenSchema>;
