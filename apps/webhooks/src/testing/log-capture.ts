import { Writable } from "node:stream";
import { createLogger, type Logger } from "../logger.ts";

/** A pino logger whose lines are kept in memory (parsed), to assert what is and is not logged. */
export function captureLogger(): { logger: Logger; lines: Array<Record<string, unknown>>; raw: string[] } {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split("\n").filter(Boolean)) {
        raw.push(l);
        lines.push(JSON.parse(l) as Record<string, unknown>);
      }
      cb();
    },
  });
  return { logger: createLogger({ level: "info", destination: stream as never }), lines, raw };
}
