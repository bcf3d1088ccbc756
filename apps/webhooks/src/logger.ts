import { type Logger, pino } from "pino";

/**
 * Structured JSON logs. Handlers only log ids, event names, outcomes and timings; the redaction
 * list is a second line of defence should a body, header or personal field ever be passed in.
 */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: { service: "webhooks" },
      redact: {
        paths: [
          "body",
          "rawBody",
          "payload",
          "email",
          "name",
          "token",
          "signature",
          "signingKey",
          "headers",
          "req.headers",
          "*.email",
          "*.name",
          "*.token",
        ],
        censor: "[redacted]",
      },
    },
    opts.destination,
  );
}

export type { Logger };
