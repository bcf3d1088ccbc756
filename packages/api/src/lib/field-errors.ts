import type { ZodError } from "zod";

/**
 * Zod issues as `{ field: [message] }`, the one shape every caller sees (tRPC's `data.fieldErrors`,
 * the admin route's `error.fieldErrors`, the forms). An unknown key is reported on the key itself.
 */
export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    // An unknown key is reported on the key itself, so a form (or a caller) sees which one.
    const entries =
      issue.code === "unrecognized_keys"
        ? issue.keys.map((k) => [[...at, k].join("."), "Unknown field"] as const)
        : [[at.join(".") || "_form", issue.message] as const];
    for (const [key, message] of entries) out[key] = [...(out[key] ?? []), message];
  }
  return out;
}
