import pg from "pg";
import { pgRunner, type SqlRunner } from "./services.ts";

const TIMESTAMP = 1114; // timestamp without time zone: Prisma stores UTC there

/** The pg pool the delivery hot path runs on (see packages/api/src/services/webhooks/sql.ts). */
export function createSqlPool(opts: { url: string; max?: number; connectionTimeoutMillis?: number }): {
  pool: pg.Pool;
  sql: SqlRunner;
} {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 20,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 3_000,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP
          ? (s: string) => new Date(`${s.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server (database restart) must not crash the process.
  pool.on("error", () => {});
  return { pool, sql: pgRunner(pool) };
}
