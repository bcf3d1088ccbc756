// Where the webhook path runs its SQL. The webhooks server and the worker run it on a plain `pg`
// pool (createSqlPool): Prisma's raw-query and interactive-transaction overhead is several times
// the cost of these statements (apps/webhooks/README.md, "Bench"). The tRPC procedures and
// reconciliation, whose composition root has only the Prisma client, run the same statements
// through it (prismaRunner). Both are production paths and both are tested.
import { type Db, Prisma } from "@booking/db";
import pg from "pg";

export type SqlQuery = { query<T = unknown>(q: Prisma.Sql): Promise<T[]> };
/** Settings for one transaction only (SET LOCAL), e.g. `{ lock_timeout: "5s" }`. */
type TransactionSettings = Record<string, string>;
export type SqlRunner = SqlQuery & {
  transaction<T>(fn: (q: SqlQuery) => Promise<T>, settings?: TransactionSettings): Promise<T>;
};

export function prismaRunner(db: Db): SqlRunner {
  const wrap = (c: Pick<Db, "$queryRaw">): SqlQuery => ({ query: <T>(q: Prisma.Sql) => c.$queryRaw<T[]>(q) });
  return {
    ...wrap(db),
    transaction: (fn, settings = {}) =>
      db.$transaction(
        async (tx) => {
          const entries = Object.entries(settings);
          if (entries.length > 0)
            await tx.$queryRaw(
              Prisma.sql`SELECT ${Prisma.join(entries.map(([k, v]) => Prisma.sql`set_config(${k}, ${v}, true)`))}`,
            );
          return fn(wrap(tx));
        },
        { timeout: 30_000 },
      ),
  };
}

const quoted = (v: string) => `'${v.replace(/'/g, "''")}'`;
/** `BEGIN; SET LOCAL a = 'x'; ...` in one round trip (the simple protocol takes several statements). */
const begin = (settings: TransactionSettings) =>
  ["BEGIN", ...Object.entries(settings).map(([k, v]) => `SET LOCAL ${k.replace(/[^a-z_]/g, "")} = ${quoted(v)}`)].join(
    "; ",
  );

// Prisma stores DateTime as UTC in `timestamp(3)` columns: send ISO strings, read them as UTC,
// whatever the process's time zone (set per query, so any pg pool will do).
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
const TIMESTAMP = 1114; // timestamp without time zone
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (s: string) => new Date(`${s.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The statements on a pg pool (the webhooks server's, the worker's). */
export function pgSqlRunner(pool: pg.Pool): SqlRunner {
  const run = async <T>(c: pg.Pool | pg.PoolClient, q: Prisma.Sql) =>
    (await c.query({ text: q.text, values: q.values.map(param), types })).rows as T[];
  return {
    query: (q) => run(pool, q),
    async transaction(fn, settings = {}) {
      const client = await pool.connect();
      // The server going away mid-transaction fails the query in progress; the socket's error
      // event must not also crash the process.
      let broken: Error | undefined;
      const lost = (error: Error) => {
        broken = error;
      };
      client.on("error", lost);
      try {
        await client.query(begin(settings));
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
        client.off("error", lost);
        client.release(broken);
      }
    },
  };
}

/**
 * Runs `fn` in a savepoint: on failure the transaction is back where it was (locks taken before it
 * are kept). A savepoint that succeeded is not released (a round trip saved): the commit ends it,
 * and a later ROLLBACK TO goes back to the latest one of the same name.
 */
export async function inSavepoint<T>(tx: SqlQuery, fn: () => Promise<T>): Promise<T> {
  await tx.query(Prisma.sql`SAVEPOINT attempt`);
  try {
    return await fn();
  } catch (error) {
    await tx.query(Prisma.sql`ROLLBACK TO SAVEPOINT attempt`);
    throw error;
  }
}

export type SqlPool = { pool: pg.Pool; sql: SqlRunner };

export type SqlPoolOptions = {
  url: string;
  max?: number;
  connectionTimeoutMillis?: number;
  /** Shown in pg_stat_activity (which process holds what). */
  applicationName?: string;
};

/** The pg pool of the webhooks server, the operator commands and the tests. */
export function createSqlPool(opts: SqlPoolOptions): SqlPool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 3_000,
    idleTimeoutMillis: 30_000,
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
  });
  // A client losing its server (database restart) must not crash the process: the query in
  // progress fails, the pool drops the client and the next query opens a new connection.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return { pool, sql: pgSqlRunner(pool) };
}
