#!/usr/bin/env node
// Runs the Prisma 6.19.3 CLI offline: no checkpoint call, no engine download, no 10 s linger.
// Usage: node scripts/prisma.mjs <prisma args...>   e.g. `migrate deploy`, `generate`, `migrate status`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = join(here, "..");
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("prisma/package.json")), "build", "index.js");

const args = process.argv.slice(2);
// `generate` only reads the schema; Prisma 6 still wants the datasource variable to be defined.
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_CLIENT_ENGINE_TYPE: "client",
  PRISMA_CLI_QUERY_ENGINE_TYPE: "client",
  DATABASE_URL:
    process.env.DATABASE_URL ?? (args[0] === "generate" ? "postgresql://unused@localhost/unused" : undefined),
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${join(here, "unref-timers.cjs")}`].filter(Boolean).join(" "),
};
if (env.DATABASE_URL === undefined) {
  console.error("DATABASE_URL is not set: point it at the PostgreSQL database (postgresql://user:pass@host:port/db).");
  process.exit(1);
}
const res = spawnSync(process.execPath, [cli, ...args], { cwd: pkgRoot, env, stdio: "inherit" });
process.exit(res.status ?? 1);
