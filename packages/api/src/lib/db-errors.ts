// Every classification of a database error, in one place (Prisma, its pg driver adapter and plain
// pg report them differently; nothing here imports driver internals).

const UNAVAILABLE_CODES = new Set([
  // Prisma: can't reach, timed out, server closed, pool timeout
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  // PostgreSQL: shutdown, cannot connect now, connection failures, too many connections
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
]);
const UNAVAILABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|server closed the connection|the database system is (shutting down|starting up)|terminating connection|Client has encountered a connection error|Connection closed|connect ETIMEDOUT|Client was closed|not queryable/i;
const UNAVAILABLE_KIND = /^(DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections)$/;

type ErrorLike = Record<string, unknown>;

/** The error and its causes (Prisma wraps the driver's error). */
function* chain(error: unknown): Generator<ErrorLike> {
  let e: unknown = error;
  for (let i = 0; i < 6 && e && typeof e === "object"; i++) {
    yield e as ErrorLike;
    e = (e as { cause?: unknown }).cause;
  }
}

const codes = (e: ErrorLike) => [e.code, e.originalCode].filter((c): c is string => typeof c === "string");
const message = (e: ErrorLike) => (typeof e.message === "string" ? e.message : "");

function matches(error: unknown, test: { codes: Set<string>; text?: RegExp; kind?: RegExp }): boolean {
  for (const e of chain(error)) {
    if (codes(e).some((c) => test.codes.has(c))) return true;
    if (test.text?.test(message(e))) return true;
    if (test.kind && typeof e.kind === "string" && test.kind.test(e.kind)) return true;
  }
  return false;
}

/** The database could not be reached or went away: the webhooks server answers 503, the worker tries later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if ([...chain(error)].some((e) => e.name === "PrismaClientInitializationError")) return true;
  return matches(error, { codes: UNAVAILABLE_CODES, text: UNAVAILABLE_TEXT, kind: UNAVAILABLE_KIND });
}

/**
 * The transaction lost a race and may simply run again: serialization failure, deadlock, a lock
 * not granted within lock_timeout, or a unique violation (another transaction wrote the same
 * invitee URI, lead email or inbox key first; run again, it sees the winner's row).
 */
export function isRetryableConflict(error: unknown): boolean {
  return matches(error, {
    codes: new Set(["40001", "40P01", "55P03", "P2034", "23505", "P2002"]),
    text: /deadlock detected|could not serialize access|lock timeout|duplicate key value violates unique constraint|Unique constraint failed/i,
    kind: /^UniqueConstraintViolation$/,
  });
}

/** A unique constraint refused the row (another transaction, or an earlier call, wrote it first). */
export function isUniqueViolation(error: unknown): boolean {
  return matches(error, {
    codes: new Set(["23505", "P2002"]),
    text: /duplicate key value violates unique constraint|Unique constraint failed/i,
    kind: /^UniqueConstraintViolation$/,
  });
}

/** A foreign key refused the row (e.g. the workspace was deleted meanwhile). */
export function isForeignKeyViolation(error: unknown): boolean {
  return matches(error, {
    codes: new Set(["23503", "P2003"]),
    text: /violates foreign key constraint|Foreign key constraint/i,
    kind: /^ForeignKeyConstraintViolation$/,
  });
}
