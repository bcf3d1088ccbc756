// Where the webhook path runs its SQL. The webhooks server and the worker run it on a plain `pg`
// pool (createSqlPool): Prisma's raw-query and interactive-transaction overhead is several times
// the cost of these statements (apps/webhooks/README.md, "Bench"). The tRPC procedures and
// reconciliation, whose composition root has only the Prisma client, run the same statements
// through it (prismaRunner). Both are production paths and both are tested.
import { type Db, Prisma } from "@booking/db";
import pg from "pg";

export type SqlQuery = { query<T = unknown>(q: Prisma.Sql): Promise<T[]> };
export type SqlRunner = SqlQuery & { transaction<T>(fn: (q: SqlQuery) => Promise<T>): Promise<T> };

export function prismaRunner(db: Db): SqlRunner {
  const wrap = (c: Pick<Db, "$queryRaw">): SqlQuery => ({ query: <T>(q: Prisma.Sql) => c.$queryRaw<T[]>(q) });
  return { ...wrap(db), transaction: (fn) => db.$transaction((tx) => fn(wrap(tx)), { timeout: 30_000 }) };
}

// Prisma stores DateTime as UTC in `timestamp(3)` columns: send ISO strings, whatever the TZ.
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

function pgRunner(pool: pg.Pool): SqlRunner {
  const run = async <T>(c: pg.Pool | pg.PoolClient, q: Prisma.Sql) =>
    (await c.query(q.text, q.values.map(param))).rows as T[];
  return {
    query: (q) => run(pool, q),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn({ query: (q) => run(client, q) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK");
        } catch (e) {
          broken = e as Error; // the connection is gone: do not return it to the pool
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

/** Runs `fn` in a savepoint: on failure the transaction is back where it was (locks taken before it are kept). */
export async function inSavepoint<T>(tx: SqlQuery, fn: () => Promise<T>): Promise<T> {
  await tx.query(Prisma.sql`SAVEPOINT attempt`);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await tx.query(Prisma.sql`ROLLBACK TO SAVEPOINT attempt`);
    throw error;
  }
  await tx.query(Prisma.sql`RELEASE SAVEPOINT attempt`);
  return result;
}

const TIMESTAMP = 1114; // timestamp without time zone: Prisma stores UTC there

export type SqlPool = { pool: pg.Pool; sql: SqlRunner };

export type SqlPoolOptions = {
  url: string;
  max?: number;
  connectionTimeoutMillis?: number;
  /** Shown in pg_stat_activity (which process holds what). */
  applicationName?: string;
  /** Session settings, e.g. `{ lock_timeout: "5s" }`. */
  settings?: Record<string, string>;
};

/** The one way the webhooks server, the worker, the operator commands and their tests get a pg pool. */
export function createSqlPool(opts: SqlPoolOptions): SqlPool {
  const settings = Object.entries(opts.settings ?? {}).map(([k, v]) => `-c ${k}=${v}`);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 3_000,
    idleTimeoutMillis: 30_000,
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
    ...(settings.length > 0 ? { options: settings.join(" ") } : {}),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP
          ? (s: string) => new Date(`${s.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server (database restart) must not crash the process: the pool
  // drops it and the next query opens a new connection.
  pool.on("error", () => {});
  return { pool, sql: pgRunner(pool) };
}
