// Field validators shared by every input (tRPC procedures, the admin HTTP route, and the web
// forms through the same zod schemas). Messages are shown next to the field.
import { z } from "zod";

/**
 * A string PostgreSQL can store and JSON can carry: no NUL character and no unpaired UTF-16
 * surrogate (both would make the database refuse the value). Every string input starts here.
 */
export const text = () =>
  z
    .string()
    .refine((v) => !v.includes("\u0000") && v.isWellFormed(), "Must not contain NUL characters or unpaired surrogates");

/**
 * The one shape of an operation's input: unknown keys are an error (a misspelled field must not
 * be dropped silently), reported on the key itself.
 */
export const input = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

export const workspaceId = text().trim().min(1, "Workspace is required").max(64, "Workspace id is too long");
export const leadId = text().trim().min(1, "Lead is required").max(64, "Lead id is too long");

/** Input of an operation that takes none (nothing, or an empty object). */
export const noInput = input({}).optional();

/** Input of an operation on a whole workspace that takes nothing else. */
export const workspaceInput = input({ workspaceId });

export const email = text()
  .trim()
  .max(320, "Email is too long")
  .pipe(z.email({ message: "Invalid email address" }));

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** A public Calendly scheduling URL: https://calendly.com/<user>/<slug>[/...]. */
export const calendlyEventTypeLink = text()
  .trim()
  .max(2000, "Link is too long")
  .refine((v) => {
    const u = parseUrl(v);
    if (u?.protocol !== "https:" || u.hostname !== "calendly.com" || u.port || u.username || u.password) return false;
    const segments = u.pathname.split("/").filter(Boolean);
    return segments.length >= 2 && segments.every((s) => /^[A-Za-z0-9._~%-]+$/.test(s));
  }, "Must be a Calendly scheduling link like https://calendly.com/<user>/<event-type>");

/** The API URI of an event type: https://api.calendly.com/event_types/<id>. */
export const calendlyEventTypeUri = text()
  .trim()
  .regex(
    /^https:\/\/api\.calendly\.com\/event_types\/[A-Za-z0-9-]+$/,
    "Must be an event type URI like https://api.calendly.com/event_types/<id>",
  );

/** A Calendly personal access token / OAuth access token: one opaque word. */
export const calendlyToken = text()
  .trim()
  .min(20, "This does not look like a Calendly access token (too short)")
  .max(4096, "Token is too long")
  .regex(/^[\x21-\x7e]+$/, "Token must not contain spaces or special characters");

export const httpsUrl = (message: string) =>
  text()
    .trim()
    .max(2000, "Link is too long")
    .refine((v) => {
      const u = parseUrl(v);
      return !!u && u.protocol === "https:" && !u.username && !u.password;
    }, message);
