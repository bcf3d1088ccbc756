// Small field validators for forms (no schema library in the browser bundle: the Integrations
// page has a first-load JS budget). The server validates again with zod and its messages are put
// next to the same fields (lib/form.ts).

export type Rule<V> = (value: string, values: V) => string | null;

/** Mantine `validate` function from per-field rules: the first failing rule's message per field. */
export function rules<V extends Record<string, unknown>>(spec: { [K in keyof V]?: Rule<V>[] }) {
  return (values: V): Record<string, string> => {
    const errors: Record<string, string> = {};
    for (const key of Object.keys(spec) as (keyof V & string)[]) {
      const value = String(values[key] ?? "");
      for (const rule of spec[key] ?? []) {
        const message = rule(value, values);
        if (message) {
          errors[key] = message;
          break;
        }
      }
    }
    return errors;
  };
}

export const required =
  (message: string): Rule<unknown> =>
  (v) =>
    v.trim() ? null : message;
export const minLength =
  (n: number, message: string): Rule<unknown> =>
  (v) =>
    v.trim() && v.trim().length < n ? message : null;
export const maxLength =
  (n: number, message: string): Rule<unknown> =>
  (v) =>
    v.trim().length > n ? message : null;
export const pattern =
  (re: RegExp, message: string): Rule<unknown> =>
  (v) =>
    v.trim() && !re.test(v.trim()) ? message : null;

// Same shape zod's z.email() accepts for ordinary addresses.
const EMAIL_RE = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const email = (message = "Enter a valid email address"): Rule<unknown> => pattern(EMAIL_RE, message);
