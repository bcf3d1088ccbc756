// A plain pg pool for the API's hot reads written in SQL (Context.sql, e.g. leads.list): the same
// statements as through Prisma, without its per-query work. Server-only.
import { createSqlPool, type SqlRunner } from "@booking/api/services";

export function createSqlRunner(url: string, max = 10): SqlRunner {
  return createSqlPool({ url, max, connectionTimeoutMillis: 5_000, applicationName: "web" }).sql;
}
