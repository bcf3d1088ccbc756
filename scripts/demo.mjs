#!/usr/bin/env node
// The run command (`npm run demo`): installs what is missing, builds, and starts the web app and the
// webhooks server on an embedded database with a demo workspace. Needs only Node.js 20 and npm.
import { checkNode, ensurePnpm, run, step } from "./lib/toolchain.mjs";

checkNode();
const pnpm = ensurePnpm();
step("Installing dependencies");
run(pnpm, ["install", "--frozen-lockfile"]);
step("Building the apps");
run(pnpm, ["turbo", "run", "build", "--output-logs=errors-only"]);
step("Starting the stack");
run(pnpm, ["exec", "tsx", "scripts/demo-stack.ts"]);
