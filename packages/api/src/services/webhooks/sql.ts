// The hot path's SQL goes through this small interface so the webhooks server can run it on a
// plain `pg` pool (Prisma's raw-query and interactive-transaction overhead is several times the
// cost of the query on this path, see apps/webhooks/README.md "bench"). The statements are the
// same either way; tests run them through Prisma (the default) and through pg.
import type { Db, Prisma } from "@booking/db";

export type SqlQuery = { query<T = unknown>(q: Prisma.Sql): Promise<T[]> };
export type SqlRunner = SqlQuery & { transaction<T>(fn: (q: SqlQuery) => Promise<T>): Promise<T> };

export function prismaRunner(db: Db): SqlRunner {
  const wrap = (c: Pick<Db, "$queryRaw">): SqlQuery => ({ query: <T>(q: Prisma.Sql) => c.$queryRaw<T[]>(q) });
  return { ...wrap(db), transaction: (fn) => db.$transaction((tx) => fn(wrap(tx))) };
}

/** The part of pg.Pool / pg.PoolClient used here (packages/api does not depend on pg). */
type PgClientLike = {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
  release(err?: Error | boolean): void;
};
export type PgPoolLike = {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
  connect(): Promise<PgClientLike>;
};

// Prisma stores DateTime as UTC in `timestamp(3)` columns: send ISO strings, whatever the TZ.
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Runs the same statements on a pg pool. The pool must parse `timestamp` (OID 1114) as UTC, e.g.
 * `new pg.Pool({ ..., types: { getTypeParser: (oid, fmt) => oid === 1114 ? (s) => new Date(s + "Z") : pg.types.getTypeParser(oid, fmt) } })`.
 */
export function pgRunner(pool: PgPoolLike): SqlRunner {
  const run = async <T>(c: Pick<PgClientLike, "query">, q: Prisma.Sql) =>
    (await c.query(q.text, q.values.map(param))).rows as T[];
  return {
    query: (q) => run(pool, q),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN", []);
        const result = await fn({ query: (q) => run(client, q) });
        await client.query("COMMIT", []);
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK", []);
        } catch (e) {
          broken = e as Error; // connection is gone: do not return it to the pool
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
