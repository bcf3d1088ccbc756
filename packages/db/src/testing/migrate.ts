import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const prismaScript = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "prisma.mjs");

/** Runs the Prisma CLI (offline wrapper) against `url`; returns its exit status and output. */
export function prismaCli(args: string[], url: string) {
  const res = spawnSync(process.execPath, [prismaScript, ...args], {
    env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "" },
    encoding: "utf8",
  });
  return { status: res.status ?? 1, stdout: res.stdout, stderr: res.stderr };
}

/** Applies the checked-in migrations, as `pnpm db:push` does. */
export function migrate(url: string): void {
  const res = prismaCli(["migrate", "deploy"], url);
  if (res.status !== 0) throw new Error(`migrate deploy failed:\n${res.stdout}\n${res.stderr}`);
}
