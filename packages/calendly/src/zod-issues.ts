import type { z } from "zod";

/** One line per issue: `payload.scheduled_event.start_time: Invalid ISO datetime`. */
export function formatZodIssues(error: z.ZodError, prefix?: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
