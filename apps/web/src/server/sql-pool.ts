// A plain pg pool for the API's hot reads written in SQL (Context.sql, e.g. leads.list): the same
// statements as through Prisma, without its per-query work. Server-only.
import { pgRunner, type SqlRunner } from "@booking/api/services";
import pg from "pg";

const TIMESTAMP = 1114; // timestamp without time zone: Prisma stores UTC there

export function createSqlRunner(url: string, max = 10): SqlRunner {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
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
  return pgRunner(pool);
}
