// Classifying errors from Prisma / the pg driver adapter without importing driver internals.

const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024", // Prisma: can't reach, timed out, server closed, pool timeout
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300", // PG: shutdown, cannot connect now, connection failures, too many connections
]);
const UNAVAILABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|server closed the connection|the database system is (shutting down|starting up)|terminating connection|Client has encountered a connection error|Connection closed|connect ETIMEDOUT/i;

function* chain(error: unknown): Generator<Record<string, unknown>> {
  let e: unknown = error;
  for (let i = 0; i < 6 && e && typeof e === "object"; i++) {
    yield e as Record<string, unknown>;
    const next = (e as { cause?: unknown }).cause;
    e = next;
  }
}

/** True when the database could not be reached or went away (the webhooks server answers 503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && UNAVAILABLE_CODES.has(e.originalCode)) return true;
    if (typeof e.name === "string" && e.name === "PrismaClientInitializationError") return true;
    if (typeof e.message === "string" && UNAVAILABLE_TEXT.test(e.message)) return true;
    const kind = (e as { kind?: unknown }).kind;
    if (
      typeof kind === "string" &&
      /^(DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections)$/.test(kind)
    )
      return true;
  }
  return false;
}

/** PostgreSQL serialization failure or deadlock: the transaction may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  for (const e of chain(error)) {
    for (const c of [e.code, e.originalCode]) if (c === "40001" || c === "40P01" || c === "P2034") return true;
    if (typeof e.message === "string" && /deadlock detected|could not serialize access/i.test(e.message)) return true;
  }
  return false;
}

/** Unique violation (another transaction wrote the same invitee URI first). */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of chain(error)) {
    for (const c of [e.code, e.originalCode]) if (c === "23505" || c === "P2002") return true;
    const kind = (e as { kind?: unknown }).kind;
    if (kind === "UniqueConstraintViolation") return true;
    if (
      typeof e.message === "string" &&
      /duplicate key value violates unique constraint|Unique constraint failed/i.test(e.message)
    )
      return true;
  }
  return false;
}
