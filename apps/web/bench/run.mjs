// pnpm bench (web): leads.list latency on a 1,000,000-lead database against a 10,000-lead one, and
// the API's read path over HTTP (the built web app, `next start`) side by side with a bare Next
// route handler running the same SQL on `pg` (src/app/api/bench, enabled by BENCH_BASELINE_ROUTES=1).
// Starts and removes its own PostgreSQL. Env: BENCH_SECONDS (10), BENCH_LIST_ITERATIONS (1000),
// BENCH_WEB_NODE_ARGS (extra node flags for the web server, e.g. --cpu-prof), BENCH_SKIP_LIST=1,
// BENCH_SETUP_FILE (reuse the databases of a setup-db.ts run instead of generating them).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { firstLine, freePort, processGroup, waitHttp } from "../../../tooling/bench/processes.mjs";

const app = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SLICE = 2;
const { start, stopAll } = processGroup(app);

const tsx = join(app, "node_modules/.bin/tsx");

async function load(url, seconds, connections, cookie) {
  const child = start(
    process.execPath,
    [join(app, "bench/load.mjs"), url, String(seconds), String(connections), cookie ?? ""],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const line = await firstLine(child.stdout, "load generator");
  await new Promise((r) => child.once("exit", r));
  return JSON.parse(line);
}

/** Slices of one target as one result: requests per second over all of them, the median p50, the worst p99. */
function combine(results) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    rps: results.reduce((s, r) => s + r.requests, 0) / (results.length * SLICE),
    p50: median(results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    failed: results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0),
  };
}

const fmt = (n, w = 7) => (Number.isFinite(n) ? n.toFixed(n < 100 ? 1 : 0) : "-").padStart(w);

function printList(runs) {
  const [small, big] = runs;
  const at = (r) => (r.row === undefined ? "" : ` (row ${r.row.toLocaleString("en-US")})`);
  console.log("");
  console.log("leads.list, ms (tRPC procedure in-process: authorization + page query; one call at a time)");
  console.log(
    `${"case".padEnd(32)}${"10k p50".padStart(9)}${"10k p99".padStart(9)}${"1M p50".padStart(9)}${"1M p99".padStart(9)}  p99 1M/10k  rows (10k | 1M)`,
  );
  let ok = true;
  for (let i = 0; i < big.results.length; i++) {
    const s = small.results[i];
    const b = big.results[i];
    const ratio = b.p99 / s.p99;
    const good = b.p99 < 30 && ratio <= 1.5;
    ok &&= good;
    console.log(
      `${b.name.padEnd(32)}${fmt(s.p50, 9)}${fmt(s.p99, 9)}${fmt(b.p50, 9)}${fmt(b.p99, 9)}  ${ratio.toFixed(2).padStart(10)}  ${s.items}${at(s)} | ${b.items}${at(b)}${good ? "" : "  <- over target"}`,
    );
  }
  console.log(`targets (every 1M p99 < 30 ms and <= 1.5x the 10k p99): ${ok ? "OK" : "NOT MET"}`);
}

try {
  if (!existsSync(join(app, ".next", "BUILD_ID")))
    throw new Error("apps/web is not built: run `pnpm --filter @booking/web build` (pnpm bench does)");
  let env;
  if (process.env.BENCH_SETUP_FILE) {
    // Development: the JSON line of a setup-db.ts still running elsewhere.
    env = JSON.parse(readFileSync(process.env.BENCH_SETUP_FILE, "utf8"));
  } else {
    console.log("bench (web): generating the databases…");
    const setup = start(tsx, ["bench/setup-db.ts"], { stdio: ["pipe", "pipe", "inherit"] });
    env = JSON.parse(await firstLine(setup.stdout, "database setup"));
  }
  const big = env.databases.leads_1m;
  console.log(
    `1,000,000 leads (1,000 workspaces, ${env.workspaceId} with 200,000) generated in ${big.seconds.toFixed(1)} s (target < 120 s) ${big.seconds < 120 ? "OK" : "TOO SLOW"}`,
  );

  if (process.env.BENCH_SKIP_LIST !== "1") {
    const list = start(tsx, ["bench/list-latency.ts", JSON.stringify(env)], { stdio: ["ignore", "pipe", "inherit"] });
    printList(JSON.parse(await firstLine(list.stdout, "leads.list latency")));
  }

  // The built web app on the 1M database, with the baseline routes on.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.BENCH_WEB_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const web = start(
    process.execPath,
    [...nodeArgs, join(app, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: big.url,
        CREDENTIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
        BETTER_AUTH_URL: baseUrl,
        PUBLIC_WEBHOOK_BASE_URL: "https://hooks.bench.example",
        ADMIN_API_TOKEN: randomBytes(24).toString("base64url"),
        INTERNAL_API_TOKEN: randomBytes(24).toString("base64url"),
        BENCH_BASELINE_ROUTES: "1",
      },
    },
  );
  await waitHttp(`${baseUrl}/sign-in`, { child: web });

  // A signed-in member of the big workspace (its account is in the generated data).
  const authCall = (path, body) =>
    fetch(`${baseUrl}/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify(body),
    });
  const signedIn = await authCall("sign-in/email", { email: env.user.email, password: env.user.password });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  const input = (json) => encodeURIComponent(JSON.stringify({ json }));
  const ws = env.workspaceId;
  const pairs = [
    [
      "integrations.calendly.get",
      `${baseUrl}/api/trpc/integrations.calendly.get?input=${input({ workspaceId: ws })}`,
      `${baseUrl}/api/bench/calendly-get?workspaceId=${ws}`,
    ],
    [
      "leads.list (first page of 20)",
      `${baseUrl}/api/trpc/leads.list?input=${input({ workspaceId: ws, limit: 20 })}`,
      `${baseUrl}/api/bench/leads-list?workspaceId=${ws}&limit=20`,
    ],
  ];
  for (const [, trpcUrl, baseline] of pairs) {
    for (const [url, c] of [
      [trpcUrl, cookie],
      [baseline, undefined],
    ]) {
      const res = await fetch(url, { headers: c ? { cookie: c } : {} });
      if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
  }

  console.log("");
  console.log(
    `HTTP read path (autocannon; per target ${SECONDS} s in ${SLICE} s slices alternating with its baseline, after a warm-up)`,
  );
  console.log(
    `${"procedure".padEnd(32)}${"conns".padStart(6)}${"baseline req/s".padStart(16)}${"p50".padStart(6)}${"p99".padStart(6)}${"tRPC req/s".padStart(12)}${"p50".padStart(6)}${"p99".padStart(6)}  ratio (target >= 0.5 at 8)`,
  );
  let ok = true;
  for (const connections of [1, 8]) {
    for (const [name, trpcUrl, baseline] of pairs) {
      await load(baseline, 2, connections);
      await load(trpcUrl, 2, connections, cookie);
      // Alternating slices: both see the same machine (other processes share these cores).
      const slices = { b: [], t: [] };
      for (let i = 0; i < Math.max(1, Math.round(SECONDS / SLICE)); i++) {
        slices.b.push(await load(baseline, SLICE, connections));
        slices.t.push(await load(trpcUrl, SLICE, connections, cookie));
      }
      const b = combine(slices.b);
      const t = combine(slices.t);
      const ratio = t.rps / b.rps;
      if (connections === 8) ok &&= ratio >= 0.5;
      const bad = t.failed + b.failed;
      console.log(
        `${name.padEnd(32)}${String(connections).padStart(6)}${fmt(b.rps, 16)}${fmt(b.p50, 6)}${fmt(b.p99, 6)}${fmt(t.rps, 12)}${fmt(t.p50, 6)}${fmt(t.p99, 6)}  ${ratio.toFixed(2)}${bad ? `  (${bad} failed requests)` : ""}`,
      );
    }
  }
  console.log(`target (tRPC >= 0.5x the bare handler at 8 connections): ${ok ? "OK" : "NOT MET"}`);
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
} finally {
  stopAll();
  await new Promise((r) => setTimeout(r, 1000));
}
