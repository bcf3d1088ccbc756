// What every long-running process (web's server code, webhooks, worker) and operator command does
// the same way: read its environment into one typed value, start, and stop cleanly on a signal.
import type { z } from "zod";

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Parses an environment with `schema`. Blank values count as unset (a `FOO=` line in a shell or an
 * env file means "not set"); every problem is listed in one error naming `what` it configures.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
  what: string,
): z.output<S> {
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvError(`Invalid environment for ${what}:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The Calendly OAuth app is configured whole or not at all. */
export function requireOAuthPair(e: { CALENDLY_OAUTH_CLIENT_ID?: string; CALENDLY_OAUTH_CLIENT_SECRET?: string }) {
  if (Boolean(e.CALENDLY_OAUTH_CLIENT_ID) !== Boolean(e.CALENDLY_OAUTH_CLIENT_SECRET)) {
    throw new EnvError("Set both CALENDLY_OAUTH_CLIENT_ID and CALENDLY_OAUTH_CLIENT_SECRET, or neither");
  }
}

type ProcessLogger = { info(fields: object, message: string): void; flush(): void };

/** A started process: what to close on SIGTERM/SIGINT, and how long closing may take before exit 1. */
export type Running = { logger: ProcessLogger; close: () => Promise<void>; graceMs: number };

/**
 * Runs a process's `start`. A start that fails (bad environment, database unreachable) prints one
 * line and exits 1; once started, the first SIGTERM or SIGINT closes it (in-flight work finishes,
 * pools end, logs flush) and exits 0, or exits 1 after `graceMs`.
 */
export function runProcess(what: string, start: () => Promise<Running>): void {
  start().then(
    ({ logger, close, graceMs }) => {
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, "shutting down");
        setTimeout(() => process.exit(1), graceMs).unref();
        await close();
        logger.flush();
        process.exit(0);
      };
      process.on("SIGTERM", () => void stop("SIGTERM"));
      process.on("SIGINT", () => void stop("SIGINT"));
    },
    (error: unknown) => {
      console.error(`${what} failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
