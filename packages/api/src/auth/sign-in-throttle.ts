// Sign-in throttling that holds across processes (counters in PostgreSQL, rate-limiter-flexible's
// store) and never becomes a global lockout. The policy (SIGN_IN_POLICY):
//
// - every failed sign-in counts against the client address, and against the account: on the
//   account's shared counter when the browser has not signed in to that account before, or on that
//   browser's own counter when it carries the account's device cookie (device-cookie.ts);
// - a counter that reaches its limit within its window blocks that key: 1 min, doubling with each
//   block in the last 24 h, at most 1 h; while blocked, every attempt on that key (the right
//   password too) is answered 429 with Retry-After and is not checked;
// - so an attacker, from one address or thousands, gets 10 guesses per account per window before
//   the account is closed to new browsers, while its owner keeps signing in from a browser it used
//   before; one client's failures never block another account, and never block another address.
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

type Bucket = { failures: number; windowSeconds: number };

export type SignInPolicy = {
  /** Failures from one client address, whatever the accounts. */
  client: Bucket;
  /** Failures on one account from browsers without its device cookie. */
  account: Bucket;
  /** Failures on one account from one browser that has signed in to it before. */
  device: Bucket;
  /** First block; each further block within `strikeWindowSeconds` doubles it, up to `maxBlockSeconds`. */
  blockSeconds: number;
  maxBlockSeconds: number;
  strikeWindowSeconds: number;
};

export const SIGN_IN_POLICY: SignInPolicy = {
  client: { failures: 30, windowSeconds: 15 * 60 },
  account: { failures: 10, windowSeconds: 15 * 60 },
  device: { failures: 10, windowSeconds: 15 * 60 },
  blockSeconds: 60,
  maxBlockSeconds: 60 * 60,
  strikeWindowSeconds: 24 * 60 * 60,
};

/** Who is trying: the account (normalized email), the client address, and the device id if the browser has one for this account. */
type Attempt = { email: string; client: string; device?: string | undefined };

export type SignInThrottle = {
  /** Milliseconds until the attempt may be made, or 0 when it may be made now. */
  blockedFor(attempt: Attempt): Promise<number>;
  /** Records a wrong email or password. */
  failed(attempt: Attempt): Promise<void>;
  /** Records a successful sign-in (clears the device's own counter). */
  succeeded(attempt: Attempt): Promise<void>;
  /** Closes the pool the throttle opened itself (none when it was given one). */
  close(): Promise<void>;
};

/** The subset of pg's Pool the store uses. */
export type PgPool = { query: (...args: never[]) => unknown };

const TABLE = "rate_limit";
const hash = (value: string) => createHash("sha256").update(value, "utf8").digest("base64url");

type Counter = { limiter: RateLimiterPostgres; strikes: RateLimiterPostgres; bucket: Bucket };

/** `database`: a pg Pool, or a connection string (a small pool of its own is opened). */
export function createSignInThrottle(database: PgPool | string, policy: SignInPolicy = SIGN_IN_POLICY): SignInThrottle {
  const owned = typeof database === "string" ? new pg.Pool({ connectionString: database, max: 3 }) : null;
  // An idle connection the server closed is dropped by the pool; the next query opens a new one.
  owned?.on("error", () => {});
  const pool = owned ?? (database as PgPool);
  const store = { storeClient: pool, storeType: "pool", tableName: TABLE, tableCreated: true } as const;
  const counter = (name: string, bucket: Bucket): Counter => ({
    bucket,
    limiter: new RateLimiterPostgres({
      ...store,
      keyPrefix: `signin:${name}`,
      points: bucket.failures,
      duration: bucket.windowSeconds,
    }),
    strikes: new RateLimiterPostgres({
      ...store,
      keyPrefix: `signin:${name}:strikes`,
      points: 1_000_000,
      duration: policy.strikeWindowSeconds,
    }),
  });
  const client = counter("client", policy.client);
  const account = counter("account", policy.account);
  const device = counter("device", policy.device);

  const keysOf = (a: Attempt): Array<[Counter, string]> => [
    // A server that could not tell the client's address (the peer header missing, e.g. another
    // front server) must not put every client in one bucket: then only the account counts.
    ...(a.client === "unknown" ? [] : [[client, hash(a.client)] as [Counter, string]]),
    a.device ? [device, hash(`${a.email}\n${a.device}`)] : [account, hash(a.email)],
  ];

  async function fail(c: Counter, key: string): Promise<void> {
    let res: RateLimiterRes;
    try {
      res = await c.limiter.consume(key, 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      res = rejection;
    }
    if (res.consumedPoints < c.bucket.failures) return;
    const strike = await c.strikes.penalty(key, 1);
    const seconds = Math.min(policy.blockSeconds * 2 ** (strike.consumedPoints - 1), policy.maxBlockSeconds);
    await c.limiter.block(key, seconds);
  }

  return {
    async blockedFor(attempt) {
      const waits = await Promise.all(
        keysOf(attempt).map(async ([c, key]) => {
          const res = await c.limiter.get(key);
          return res && res.consumedPoints > c.bucket.failures ? Math.max(res.msBeforeNext, 1) : 0;
        }),
      );
      return Math.max(0, ...waits);
    },
    async failed(attempt) {
      await Promise.all(keysOf(attempt).map(([c, key]) => fail(c, key)));
    },
    async succeeded(attempt) {
      if (attempt.device) await device.limiter.delete(hash(`${attempt.email}\n${attempt.device}`));
    },
    async close() {
      await owned?.end();
    },
  };
}
