// Field validators shared by procedure inputs (zod). Messages are shown next to the field.
import { z } from "zod";

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** A public Calendly scheduling URL: https://calendly.com/<user>/<slug>[/...]. */
export const calendlyEventTypeLink = z
  .string()
  .trim()
  .max(2000, "Link is too long")
  .refine((v) => {
    const u = parseUrl(v);
    if (u?.protocol !== "https:" || u.hostname !== "calendly.com" || u.port || u.username || u.password) return false;
    const segments = u.pathname.split("/").filter(Boolean);
    return segments.length >= 2 && segments.every((s) => /^[A-Za-z0-9._~%-]+$/.test(s));
  }, "Must be a Calendly scheduling link like https://calendly.com/<user>/<event-type>");

/** The API URI of an event type: https://api.calendly.com/event_types/<id>. */
export const calendlyEventTypeUri = z
  .string()
  .trim()
  .regex(
    /^https:\/\/api\.calendly\.com\/event_types\/[A-Za-z0-9-]+$/,
    "Must be an event type URI like https://api.calendly.com/event_types/<id>",
  );

/** A Calendly personal access token / OAuth access token: one opaque word. */
export const calendlyToken = z
  .string()
  .trim()
  .min(20, "This does not look like a Calendly access token (too short)")
  .max(4096, "Token is too long")
  .regex(/^[\x21-\x7e]+$/, "Token must not contain spaces or special characters");

export const httpsUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(2000, "Link is too long")
    .refine((v) => {
      const u = parseUrl(v);
      return !!u && u.protocol === "https:" && !u.username && !u.password;
    }, message);
