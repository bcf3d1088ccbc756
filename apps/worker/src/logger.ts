import { type Logger, pino } from "pino";

/** Structured JSON logs: ids, task names, counts and timings; never tokens, bodies or personal data. */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: { service: "worker" },
      redact: {
        paths: ["body", "rawBody", "payload", "email", "name", "token", "*.email", "*.name", "*.token"],
        censor: "[redacted]",
      },
    },
    opts.destination,
  );
}

export type { Logger };
