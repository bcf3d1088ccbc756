"use client";

import { type FormErrors, type UseFormInput, useForm } from "@mantine/form";
import { useEffect } from "react";

// Forms validate with the server's own zod schemas (`@booking/api/schemas`): the input a form
// would submit is checked by the procedure's schema, and each issue is shown next to its field as
// the user types. zod is loaded after the page (it is ~30 kB of JavaScript no page needs to render),
// so a form validates once the rules have arrived; a submit waits for them.

export type Schemas = typeof import("@booking/api/schemas");

type Issue = { path: readonly PropertyKey[]; message: string };
/** What a zod schema offers (structurally, so the web does not depend on zod itself). */
type Schema = { safeParse(input: unknown): { success: true } | { success: false; error: { issues: Issue[] } } };

/** The schema that checks the form and the input the form would submit (built from its values). */
export type ServerRules<V> = (schemas: Schemas, values: V) => { schema: Schema; input: unknown };

let schemas: Schemas | undefined;
let loading: Promise<Schemas> | undefined;

/** Loads the server's schemas (once; again after a failed attempt). */
export function loadSchemas(): Promise<Schemas> {
  loading ??= import("@booking/api/schemas").then(
    (module) => {
      schemas = module;
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Issues as this form's field errors: server keys renamed by `fieldMap`, keys the form has not dropped. */
export function fieldErrorsFromIssues(
  issues: readonly Issue[],
  fields: readonly string[],
  fieldMap: Record<string, string> = {},
): FormErrors {
  const messages = new Map<string, string[]>();
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "");
    const field = fieldMap[key] ?? key;
    if (!fields.includes(field)) continue;
    const list = messages.get(field) ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    messages.set(field, list);
  }
  return Object.fromEntries([...messages].map(([field, list]) => [field, list.join(" · ")]));
}

/** A Mantine `validate` function over the server's rules (synchronous once they are loaded). */
export function serverValidate<V extends Record<string, unknown>>(
  rules: ServerRules<V>,
  fieldMap?: Record<string, string>,
): (values: V) => FormErrors | Promise<FormErrors> {
  const check = (loaded: Schemas, values: V): FormErrors => {
    const { schema, input } = rules(loaded, values);
    const result = schema.safeParse(input);
    return result.success ? {} : fieldErrorsFromIssues(result.error.issues, Object.keys(values), fieldMap);
  };
  return (values) => {
    if (schemas) return check(schemas, values);
    // Rules that cannot be loaded (offline) check nothing: the server still validates the submit.
    return loadSchemas().then(
      (loaded) => check(loaded, values),
      () => ({}),
    );
  };
}

/**
 * Mantine's `useForm`, validated by the server's rules: `rules` turns the values into the
 * operation's input and names its schema; `fieldMap` renames server keys to the form's fields.
 */
export function useSchemaForm<V extends Record<string, unknown>>({
  rules,
  fieldMap,
  ...options
}: Omit<UseFormInput<V>, "validate"> & { rules: ServerRules<V>; fieldMap?: Record<string, string> }) {
  useEffect(() => {
    // Fetched while the user reads the form, so typing is checked at once.
    loadSchemas().catch(() => undefined);
  }, []);
  return useForm<V, V, FormErrors | Promise<FormErrors>>({ ...options, validate: serverValidate(rules, fieldMap) });
}
