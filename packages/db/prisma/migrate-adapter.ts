// Driver adapter for the Prisma CLI's wasm schema engine. @prisma/adapter-pg cannot read the catalog
// column types `name` (OID 19), `"char"` (18) and `name[]` (1003) that the engine's introspection
// queries return, so this pg client reports them as text / text[] (TOOLCHAIN.md, section 1).

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse as parseArray } from "postgres-array";

const TEXT = 25;
const TEXT_ARRAY = 1009;
const REMAP: Record<number, number> = { 18: TEXT, 19: TEXT, 1003: TEXT_ARRAY };

type Field = { name: string; dataTypeID: number };
type Result = { fields?: Field[]; rows: unknown[] };

function remap(res: unknown): unknown {
  for (const r of (Array.isArray(res) ? res : [res]) as Result[]) {
    if (!r?.fields) continue;
    r.fields.forEach((f, i) => {
      const to = REMAP[f.dataTypeID];
      if (to === undefined) return;
      if (to === TEXT_ARRAY) {
        for (const row of r.rows as Record<string | number, unknown>[]) {
          const key = Array.isArray(row) ? i : f.name;
          const v = row[key];
          if (typeof v === "string") row[key] = parseArray(v);
        }
      }
      f.dataTypeID = to;
    });
  }
  return res;
}

class CatalogTypesClient extends pg.Client {
  // @ts-expect-error pg's overloads cannot be re-declared one by one
  override query(config: unknown, values?: unknown, callback?: unknown): unknown {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      const cb = callback as (e: unknown, r: unknown) => void;
      // @ts-expect-error forwarding the same overload
      return super.query(config, values, (e: unknown, r: unknown) => cb(e, e ? r : remap(r)));
    }
    // @ts-expect-error forwarding the same overload
    const p = super.query(config, values) as unknown;
    return p && typeof (p as Promise<unknown>).then === "function" ? (p as Promise<unknown>).then(remap) : p;
  }
}

export function migrationAdapter(url: string) {
  const u = new URL(url);
  // Discrete parameters, not connectionString: the adapter opens the shadow database with
  // new Pool({ ...config, database }), and a connectionString would override `database`.
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: u.pathname.slice(1),
    Client: CatalogTypesClient,
    idleTimeoutMillis: 500,
  } as ConstructorParameters<typeof PrismaPg>[0]);
}
