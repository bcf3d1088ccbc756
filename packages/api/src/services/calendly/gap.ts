// The window in which Calendly deliveries may have been lost, for reconciliation.

const DAY_MS = 24 * 60 * 60_000;

/**
 * Where deliveries may have been lost: the earlier of `retry_started_at` (Calendly started failing
 * to deliver) and the last delivery received; without either, the hook's creation, else our last
 * check, else a day back.
 */
export function gapStart(p: {
  retryStartedAt: Date | null;
  lastDelivery: Date | null;
  createdAt: Date | null;
  lastCheck: Date | null;
  now: Date;
}): Date {
  const known = [p.retryStartedAt, p.lastDelivery].filter((d): d is Date => d !== null);
  if (known.length > 0) return new Date(Math.min(...known.map((d) => d.getTime())));
  return p.createdAt ?? p.lastCheck ?? new Date(p.now.getTime() - DAY_MS);
}

export const earlier = (a: Date | null, b: Date) => (a && a.getTime() < b.getTime() ? a : b);
