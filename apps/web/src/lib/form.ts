import type { UseFormReturnType } from "@mantine/form";
import { errorMessage, fieldErrorsOf } from "./errors";

/**
 * Puts server field errors next to their fields. Returns the message for errors that match no
 * visible field (show it in a notification / Alert), or null when everything found a field.
 */
export function applyServerErrors<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  error: unknown,
  fieldMap: Record<string, string> = {},
): string | null {
  const fieldErrors = fieldErrorsOf(error);
  const values = form.getValues();
  let unplaced = false;
  let placed = false;
  for (const [serverKey, messages] of Object.entries(fieldErrors)) {
    const key = fieldMap[serverKey] ?? serverKey;
    if (key in values) {
      form.setFieldError(key, messages.join(" "));
      placed = true;
    } else {
      unplaced = true;
    }
  }
  if (placed && !unplaced) return null;
  return errorMessage(error);
}
