import { randomBytes } from "node:crypto";

/**
 * A cuid-shaped id ("c" + 24 lower-case base-36 characters) for rows written with raw SQL, so they
 * look like the ids Prisma's @default(cuid()) gives (callers may validate lead ids as cuids).
 */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  const bytes = randomBytes(15);
  let rand = "";
  for (const b of bytes) rand += (b % 36).toString(36);
  return `c${time}${rand}`;
}
