import { createHash, timingSafeEqual } from "node:crypto";

/** Constant-time string comparison (hashes first, so lengths leak nothing either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined when the header is absent. */
export function bearerToken(header: string | null | undefined): string | undefined {
  if (header == null) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? match[1]!.trim() : "";
}
