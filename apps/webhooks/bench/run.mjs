// pnpm bench: the real webhooks server (dist/server.js) side by side with a bare node:http + pg
// baseline, same PostgreSQL, same signed deliveries, load from a second process (autocannon).
// Starts and removes its own PostgreSQL. Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (32).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";

const app = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const POOL_SIZE = 20;
const children = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function start(cmd, args, opts) {
  const child = spawn(cmd, args, { cwd: app, ...opts });
  children.push(child);
  return child;
}

function firstLine(stream, what) {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: stream });
    rl.once("line", (line) => resolve(line));
    stream.once("end", () => reject(new Error(`${what} ended before printing anything`)));
  });
}

async function waitHealthy(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

async function load(url, ws, seconds) {
  const child = start(
    process.execPath,
    [join(app, "bench/load.mjs"), url, ws.id, ws.signingKey, String(seconds), String(CONNECTIONS)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const line = await firstLine(child.stdout, "load generator");
  await new Promise((r) => child.once("exit", r));
  return JSON.parse(line);
}

function cleanup() {
  for (const c of children.reverse()) {
    if (c.exitCode === null && !c.killed) {
      c.stdin?.end();
      c.kill("SIGTERM");
    }
  }
}
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

try {
  if (!existsSync(join(app, "dist/server.js")))
    throw new Error("dist/server.js is missing: run `pnpm --filter @booking/webhooks build` (pnpm bench does)");
  console.log(
    `bench: ${CONNECTIONS} connections, ${SECONDS} s per target, signed mostly-unique invitee.created deliveries`,
  );
  const setup = start(join(app, "node_modules/.bin/tsx"), ["bench/setup-db.ts"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const env = JSON.parse(await firstLine(setup.stdout, "database setup"));
  console.log("PostgreSQL ready");

  const serverPort = await freePort();
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = start(process.execPath, [...nodeArgs, "dist/server.js"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: env.url,
      CREDENTIALS_ENCRYPTION_KEY: env.encryptionKey,
      WEBHOOKS_PORT: String(serverPort),
      WEBHOOKS_HOST: "127.0.0.1",
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      LOG_LEVEL: "info",
    },
  });
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  void server;
  const basePort = await freePort();
  const baseline = start(process.execPath, [join(app, "bench/baseline.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: env.url,
      PORT: String(basePort),
      WORKSPACE_ID: env.workspaces.baseline.id,
      SIGNING_KEY: env.workspaces.baseline.signingKey,
      POOL_SIZE: String(POOL_SIZE),
    },
  });
  await firstLine(baseline.stdout, "baseline");
  const baseUrl = `http://127.0.0.1:${basePort}`;
  await waitHealthy(serverUrl);

  const results = {};
  const targets = [
    ["baseline (node:http + pg, verify + 1 INSERT)", baseUrl, env.workspaces.baseline],
    ["webhooks server (dist/server.js)", serverUrl, env.workspaces.server],
  ];
  for (const [name, url, ws] of targets.filter(
    ([n]) => !process.env.BENCH_ONLY || n.startsWith(process.env.BENCH_ONLY),
  )) {
    const warm = await load(url, ws, 2); // warm-up: JIT, pools, caches
    results[name] = await load(url, ws, SECONDS);
    results[name].uniqueSent = warm.unique + results[name].unique;
  }

  const client = new pg.Client({ connectionString: env.url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM "WebhookEvent" WHERE "clientId" = $1)::int AS inbox,
            (SELECT coalesce(sum("deliveryCount"), 0) FROM "WebhookEvent" WHERE "clientId" = $1)::int AS deliveries,
            (SELECT count(*) FROM "Lead" WHERE "clientId" = $1)::int AS leads,
            (SELECT count(DISTINCT "receivedAt") FROM "WebhookEvent" WHERE "clientId" = $1)::int AS batches`,
    [env.workspaces.server.id],
  );
  await client.end();

  console.log("");
  console.log(
    "target                                          deliveries/s   p50 ms   p99 ms   max ms   non-2xx  errors",
  );
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(48)}${r.rps.toFixed(0).padStart(12)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.max).padStart(9)}${String(r.non2xx).padStart(10)}${String(r.errors + r.timeouts).padStart(8)}`,
    );
  }
  const b = results[targets[0][0]] ?? { rps: NaN };
  const s = results[targets[1][0]] ?? { rps: NaN, p99: NaN };
  const ratio = s.rps / b.rps;
  console.log("");
  console.log(`ratio server/baseline: ${ratio.toFixed(2)} (target >= 0.80) ${ratio >= 0.8 ? "OK" : "BELOW TARGET"}`);
  console.log(`server p99: ${s.p99} ms (target < 25 ms) ${s.p99 < 25 ? "OK" : "ABOVE TARGET"}`);
  const gap = s.uniqueSent - rows[0].inbox;
  console.log(
    `inbox rows: ${rows[0].inbox}, leads: ${rows[0].leads}, unique deliveries sent: ${s.uniqueSent} ${gap === 0 && rows[0].leads === rows[0].inbox ? "OK" : `(difference ${gap}: requests still in flight when autocannon stopped may or may not have arrived, at most ${CONNECTIONS} per run)`}`,
  );
  console.log(
    `server wrote ${rows[0].inbox} inbox rows for ${rows[0].deliveries} deliveries and ${rows[0].leads} leads (duplicates counted, not re-applied)`,
  );
  // A batch's rows share their receivedAt (at most one batch per millisecond): about how many deliveries shared a transaction.
  console.log(
    `about ${(rows[0].inbox / Math.max(1, rows[0].batches)).toFixed(1)} new deliveries per transaction (${rows[0].batches} distinct receivedAt)`,
  );
} catch (error) {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  cleanup();
  await new Promise((r) => setTimeout(r, 500));
}
