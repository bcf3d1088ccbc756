#!/usr/bin/env node
// Prints the first-load JavaScript of every page (gzip), from the build output in .next: the root
// main files of the route's build manifest plus every entry chunk of its layouts and page (the
// route's client reference manifest). Fails the build when a page is over its budget.
//   node scripts/first-load-js.mjs [route ...]   (default: every page)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const nextDir = join(webDir, ".next");
/** Every page's first-load JS budget (gzip). */
const BUDGET_BYTES = 200 * 1000;

function routeFiles(route) {
  const serverDir = join(nextDir, "server", "app", ...route.split("/").filter(Boolean));
  const buildManifest = join(serverDir, "page", "build-manifest.json");
  const clientManifest = `${serverDir}/page_client-reference-manifest.js`;
  if (!existsSync(buildManifest) || !existsSync(clientManifest)) {
    throw new Error(`no build output for ${route} in ${serverDir}: run \`next build\` first`);
  }
  const files = new Set(JSON.parse(readFileSync(buildManifest, "utf8")).rootMainFiles ?? []);
  const sandbox = { globalThis: {} };
  runInNewContext(readFileSync(clientManifest, "utf8"), sandbox);
  const manifests = sandbox.globalThis.__RSC_MANIFEST ?? {};
  const manifest = manifests[`${route}/page`] ?? Object.values(manifests)[0];
  if (!manifest?.entryJSFiles)
    throw new Error(`${clientManifest} has no entryJSFiles: build with Turbopack (the default \`next build\`)`);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const f of chunks) files.add(f);
  return [...files].filter((f) => f.endsWith(".js"));
}

const sizeCache = new Map();
function gzipSize(file) {
  if (!sizeCache.has(file)) sizeCache.set(file, gzipSync(readFileSync(join(nextDir, file)), { level: 9 }).length);
  return sizeCache.get(file);
}

function allRoutes() {
  const manifest = JSON.parse(readFileSync(join(nextDir, "app-path-routes-manifest.json"), "utf8"));
  return Object.entries(manifest)
    .filter(([key]) => key.endsWith("/page") && !key.includes("/_"))
    .map(([, route]) => route)
    .sort();
}

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const routes = args.length > 0 ? args : allRoutes();

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const over = [];
console.log(`First-load JS (gzip), budget ${kb(BUDGET_BYTES)} per page:`);
for (const route of routes) {
  const files = routeFiles(route);
  const total = files.reduce((sum, f) => sum + gzipSize(f), 0);
  if (total > BUDGET_BYTES) over.push(route);
  const verdict = total > BUDGET_BYTES ? "OVER BUDGET" : "ok";
  console.log(`  ${route.padEnd(44)} ${kb(total).padStart(10)}  (${files.length} chunks)  ${verdict}`);
}
if (over.length > 0) {
  console.error(`Over the ${kb(BUDGET_BYTES)} first-load JS budget: ${over.join(", ")}`);
  process.exit(1);
}
