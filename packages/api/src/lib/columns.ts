// Column lists of raw statements, derived from one typed constant per statement:
// `{ column: "<PostgreSQL type>" } satisfies Columns<Model>` names the model's fields, so a renamed
// or removed column is a compile error where it is written, and the statement's column list, its
// `unnest` parameters (one array per column: values travel as parameters, never through json) and
// its casts all come from that one constant.
import { Prisma } from "@booking/db";

export type Columns<Model> = { readonly [K in keyof Model]?: string };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `"a", "b", "c"`, or `x."a", x."b"` with a table alias. */
export function columnList(cols: object, alias?: string): Prisma.Sql {
  return Prisma.raw(
    Object.keys(cols)
      .map((c) => (alias ? `${alias}.${quote(c)}` : quote(c)))
      .join(", "),
  );
}

/** `("a", "b") = (x."a", x."b")` for an UPDATE ... SET from a row source aliased `x`. */
export function assignments(cols: object, alias: string): Prisma.Sql {
  return Prisma.sql`(${columnList(cols)}) = (${columnList(cols, alias)})`;
}

function arrayValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === "jsonb") return JSON.stringify(value);
  return value;
}

/**
 * `unnest($1::text[], $2::int[], ...) AS alias("a", "b", ...)`: the rows as one array parameter
 * per column, in the constant's order.
 */
export function unnestRows<C extends Record<string, string>>(
  cols: C,
  rows: ReadonlyArray<{ [K in keyof C]: unknown }>,
  alias: string,
): Prisma.Sql {
  const arrays = Object.entries(cols).map(
    ([name, type]) => Prisma.sql`${rows.map((r) => arrayValue(r[name as keyof C], type))}::${Prisma.raw(type)}[]`,
  );
  return Prisma.sql`unnest(${Prisma.join(arrays)}) AS ${Prisma.raw(alias)}(${columnList(cols)})`;
}
