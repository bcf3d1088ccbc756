#!/usr/bin/env node
// Prints the first-load JavaScript of every page (gzip), from the build output in .next: the root
// main files of the route's build manifest plus every entry chunk of its layouts and page (the
// route's client reference manifest). Fails the build when a page is over its budget.
//   node scripts/first-load-js.mjs [route ...]   (default: every page)
//     --chunks    also lists each page's chunks (gzip), the ones every page loads marked "root"
//     --modules   also lists what the page's chunks are made of, by package (by source file with
//                 --files); needs source maps: build with ANALYZE_BUNDLE=1 (next.config.ts)
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
  const root = JSON.parse(readFileSync(buildManifest, "utf8")).rootMainFiles ?? [];
  const files = new Set(root);
  const sandbox = { globalThis: {} };
  runInNewContext(readFileSync(clientManifest, "utf8"), sandbox);
  const manifests = sandbox.globalThis.__RSC_MANIFEST ?? {};
  const manifest = manifests[`${route}/page`] ?? Object.values(manifests)[0];
  if (!manifest?.entryJSFiles)
    throw new Error(`${clientManifest} has no entryJSFiles: build with Turbopack (the default \`next build\`)`);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const f of chunks) files.add(f);
  return { files: [...files].filter((f) => f.endsWith(".js")), root: new Set(root) };
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

// --- Source-map attribution (--modules) --------------------------------------------------------

const BASE64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** The segments of one line of a source map's `mappings` (VLQ fields, relative as stored). */
function decodeLine(line) {
  const segments = [];
  for (const segment of line.split(",")) {
    if (!segment) continue;
    const fields = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.get(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    segments.push(fields);
  }
  return segments;
}

/** Bytes of `code` per original source, from its (possibly sectioned) source map. */
function bytesBySource(code, map) {
  const lines = code.split("\n");
  const points = [];
  for (const section of map.sections ?? [{ offset: { line: 0, column: 0 }, map }]) {
    let sourceIndex = 0;
    section.map.mappings.split(";").forEach((line, lineIndex) => {
      let column = 0;
      for (const fields of decodeLine(line)) {
        column += fields[0];
        if (fields.length >= 4) sourceIndex += fields[1];
        const source = fields.length >= 4 ? section.map.sources[sourceIndex] : null;
        const absLine = section.offset.line + lineIndex;
        points.push([absLine, (lineIndex === 0 ? section.offset.column : 0) + column, source ?? "(unmapped)"]);
      }
    });
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Map();
  points.forEach(([line, column, source], i) => {
    const next = points[i + 1];
    const end = next && next[0] === line ? next[1] : (lines[line]?.length ?? column);
    out.set(source, (out.get(source) ?? 0) + Math.max(0, end - column));
  });
  return out;
}

function moduleName(source, byFile) {
  const path = source.replace(/^turbopack:\/\/\/\[project\]\//, "");
  const pkg = path.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pkg && byFile) return `${pkg[1]}/${pkg[2]}`;
  // Mantine by component (Table, Modal, Input…): what a page can avoid is a component, not the package.
  const component = pkg?.[1] === "@mantine/core" && pkg[2].match(/^(?:src|esm)\/(?:components|core)\/([^/]+)/)?.[1];
  if (pkg) return component ? `${pkg[1]} ${component}` : pkg[1];
  return byFile ? path : path.replace(/^((?:apps|packages)\/[^/]+\/src\/[^/]+).*$/, "$1");
}

/** Gzip bytes of a page per package (or source file), each chunk's gzip size shared out by its raw bytes. */
function modulesOf(files, byFile) {
  const totals = new Map();
  for (const file of files) {
    const code = readFileSync(join(nextDir, file), "utf8");
    const mapUrl = code.match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
    const mapFile = mapUrl ? join(nextDir, dirname(file), mapUrl) : join(nextDir, `${file}.map`);
    if (!existsSync(mapFile)) {
      totals.set(`(${file}: no source map)`, gzipSize(file));
      continue;
    }
    const bytes = bytesBySource(code, JSON.parse(readFileSync(mapFile, "utf8")));
    const raw = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
    for (const [source, n] of bytes) {
      const name = moduleName(source, byFile);
      totals.set(name, (totals.get(name) ?? 0) + (n / raw) * gzipSize(file));
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

// --- Report ------------------------------------------------------------------------------------

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith("--")));
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const routes = args.length > 0 ? args : allRoutes();

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const over = [];
console.log(`First-load JS (gzip), budget ${kb(BUDGET_BYTES)} per page:`);
for (const route of routes) {
  const { files, root } = routeFiles(route);
  const total = files.reduce((sum, f) => sum + gzipSize(f), 0);
  if (total > BUDGET_BYTES) over.push(route);
  const verdict = total > BUDGET_BYTES ? "OVER BUDGET" : `ok (${kb(BUDGET_BYTES - total)} left)`;
  console.log(`  ${route.padEnd(44)} ${kb(total).padStart(10)}  (${files.length} chunks)  ${verdict}`);
  if (flags.has("--chunks")) {
    for (const f of [...files].sort((a, b) => gzipSize(b) - gzipSize(a)))
      console.log(`      ${kb(gzipSize(f)).padStart(9)}  ${f}${root.has(f) ? "  (root)" : ""}`);
  }
  if (flags.has("--modules")) {
    const page = files.filter((f) => !root.has(f));
    const rootTotal = files.filter((f) => root.has(f)).reduce((sum, f) => sum + gzipSize(f), 0);
    console.log(`      ${kb(rootTotal).padStart(9)}  (root main files: React, Next, Turbopack runtime)`);
    for (const [name, bytes] of modulesOf(page, flags.has("--files")).filter(([, b]) => b >= 50))
      console.log(`      ${kb(bytes).padStart(9)}  ${name}`);
  }
}
if (over.length > 0) {
  console.error(`Over the ${kb(BUDGET_BYTES)} first-load JS budget: ${over.join(", ")}`);
  process.exit(1);
}
