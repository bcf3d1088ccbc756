// Every retry of the webhook path, in one place: reruns within a request or a transaction
// (`retrying`), and the worker's back-off between attempts at mapping a delivery.

/** Runs `fn` again while it fails with an error that `retryIf` accepts, `attempts` times in all. */
export async function retrying<T>(
  fn: () => Promise<T>,
  opts: { attempts: number; retryIf: (error: unknown) => boolean },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= opts.attempts || !opts.retryIf(error)) throw error;
    }
  }
}

/** A statement or transaction that lost a race is rerun this many times in all before it counts as failed. */
export const CONFLICT_ATTEMPTS = 5;

/** Attempts at mapping one delivery before it stays FAILED (an operator replays it). */
export const MAPPING_ATTEMPTS = 5;

const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 10 * 60_000;

/** Delay before the next attempt after `attempts` failed ones: 5 s, 10 s, 20 s, 40 s, ... at most 10 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
