"use client";

import type { UseFormReturnType } from "@mantine/form";
import { useEffect } from "react";

/** Makes `values` the form's saved state: its values, what "dirty" compares to and what reset returns to. */
export function resetFormTo<V extends Record<string, unknown>>(form: UseFormReturnType<V>, values: V): void {
  form.setInitialValues(values);
  form.setValues(values);
  form.resetDirty(values);
}

/**
 * Keeps a form on the server's copy (another save, another tab) while the user has no edits of
 * their own. `values` is recomputed each render; the form follows it when `version` changes.
 */
export function useFollowServerCopy<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  values: V,
  version: unknown,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the server copy changes; `form` and `values` are new objects every render
  useEffect(() => {
    if (!form.isDirty()) resetFormTo(form, values);
  }, [version]);
}
