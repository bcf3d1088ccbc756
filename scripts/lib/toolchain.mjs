// Shared by the run and test commands: plain Node, no dependencies, so it works before any install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PNPM_VERSION = "10.34.9";

export const quietEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  DO_NOT_TRACK: "1",
};

export function step(msg) {
  console.log(`\n\x1b[1m▸ ${msg}\x1b[0m`);
}

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts, env: { ...process.env, ...quietEnv, ...opts.env } });
  if (res.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status || 1);
  }
}

function works(cmd) {
  const res = spawnSync(cmd, ["--version"], { encoding: "utf8" });
  return res.status === 0 ? res.stdout.trim() : undefined;
}

/** pnpm from PATH when it is the pinned version, else a copy installed into .local/tools. */
export function ensurePnpm() {
  if (works("pnpm") === PNPM_VERSION) return "pnpm";
  const local = join(root, ".local", "tools", "node_modules", ".bin", "pnpm");
  if (!existsSync(local) || works(local) !== PNPM_VERSION) {
    step(`Installing pnpm ${PNPM_VERSION} into .local/tools`);
    run("npm", ["install", "--no-save", "--no-package-lock", "--prefix", join(root, ".local", "tools"), `pnpm@${PNPM_VERSION}`]);
  }
  return local;
}

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Node.js >= 20.19 is required (found ${process.versions.node}).`);
    process.exit(1);
  }
}
