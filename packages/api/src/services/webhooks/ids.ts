import { randomBytes } from "node:crypto";

let lastMs = 0;
let sequence = 0;

/**
 * A cuid-shaped id ("c" + 24 lower-case base-36 characters) for rows written with raw SQL, so they
 * look like the ids Prisma's @default(cuid()) gives (callers may validate lead ids as cuids).
 * Ids made by one process sort in the order they were made (time, then a per-millisecond
 * sequence, then random): rows stored in one statement keep their arrival order on (receivedAt, id).
 */
export function newId(): string {
  const ms = Math.max(Date.now(), lastMs);
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  const time = ms.toString(36).padStart(9, "0").slice(-9);
  const seq = sequence.toString(36).padStart(5, "0").slice(-5);
  let rand = "";
  for (const b of randomBytes(10)) rand += (b % 36).toString(36);
  return `c${time}${seq}${rand}`;
}
