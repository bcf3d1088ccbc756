// Shared by the run and test commands: plain Node, no dependencies, so it works before any install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PNPM_VERSION = "10.34.9";

const quietEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  DO_NOT_TRACK: "1",
};

export function step(msg) {
  console.log(`\n\x1b[1m▸ ${msg}\x1b[0m`);
}

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: "inherit",
    ...opts,
    env: { ...process.env, ...quietEnv, ...opts.env },
  });
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
    run("npm", [
      "install",
      "--no-save",
      "--no-package-lock",
      "--prefix",
      join(root, ".local", "tools"),
      `pnpm@${PNPM_VERSION}`,
    ]);
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

/**
 * Like run(), but also counts the tests that jest ("Tests: 3 failed, 12 passed, 15 total") and
 * Playwright ("12 passed (36.8s)") report, for the closing summary line.
 */
export function runCounting(cmd, args) {
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, ...quietEnv },
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = res.stdout?.toString() ?? "";
  process.stdout.write(out);
  let passed = 0;
  let failed = 0;
  for (const line of out.split("\n")) {
    const jest = /Tests:\s+(.*)\s+\d+ total/.exec(line);
    const pw = /^(\d+) (passed|failed|flaky) \(/.exec(line.replace(/^@[^ ]+ /, "").trim());
    if (jest) {
      passed += Number(/(\d+) passed/.exec(jest[1])?.[1] ?? 0);
      failed += Number(/(\d+) failed/.exec(jest[1])?.[1] ?? 0);
    } else if (pw) {
      if (pw[2] === "failed") failed += Number(pw[1]);
      else passed += Number(pw[1]);
    }
  }
  if (res.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${res.status ?? res.signal})`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(res.status || 1);
  }
  return { passed, failed };
}
