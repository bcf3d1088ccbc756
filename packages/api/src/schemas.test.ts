import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  acceptNewSchema,
  createLeadSchema,
  inviteSchema,
  updateCalendlySchema,
  updateSettingsSchema,
} from "./schemas.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** Every module `file` imports (type-only imports aside), transitively: relative files and bare package names. */
function importGraph(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { files: seen, packages };
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
    const specifier = match[1]!;
    if (specifier.startsWith(".")) importGraph(resolve(dirname(file), specifier), seen, packages);
    else packages.add(specifier);
  }
  return { files: seen, packages };
}

describe("@booking/api/schemas (imported by the browser)", () => {
  it("depends on zod and nothing else: no database, no services, no server code", () => {
    const { files, packages } = importGraph(resolve(here, "schemas.ts"));
    expect([...packages]).toEqual(["zod"]);
    const outside = [...files].filter((f) => f.includes("/services/") && !f.endsWith("/message-template.ts"));
    expect(outside).toEqual([]);
  });

  it("exports the operations' own schemas (one strict object each)", () => {
    expect(createLeadSchema.safeParse({ workspaceId: "w", name: "Ada", email: "ada@example.com" }).success).toBe(true);
    expect(inviteSchema.safeParse({ workspaceId: "w", email: "x@", role: "SETTER" }).success).toBe(false);
    expect(acceptNewSchema.safeParse({ token: "t", name: "Ada", password: "short" }).success).toBe(false);
    expect(updateSettingsSchema.safeParse({ workspaceId: "w", bookingMessageTemplate: "no link" }).success).toBe(false);
    expect(updateCalendlySchema.safeParse({ workspaceId: "w", extra: 1 }).success).toBe(false);
  });
});
