// Shared by the client's tests: the CalendlyApiError a call fails with.
import { CalendlyApiError, type CalendlyApiErrorKind } from "./errors.ts";

export async function failureOf(promise: Promise<unknown>): Promise<CalendlyApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CalendlyApiError) return error;
    throw error;
  }
  throw new Error("expected a CalendlyApiError");
}

export async function kindOf(promise: Promise<unknown>): Promise<CalendlyApiErrorKind> {
  return (await failureOf(promise)).kind;
}
