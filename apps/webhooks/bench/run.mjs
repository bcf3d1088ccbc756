// pnpm bench: the webhooks server (dist/server.js) and the worker (apps/worker dist/main.js) on a
// durable PostgreSQL of their own, measured in one run:
//   1. ingest: the server side by side with a bare node:http + pg baseline (verify + one durable
//      INSERT ... ON CONFLICT into the same table), 32 connections, load from a second process
//      (autocannon), in the order baseline, server, server, baseline (drift cancels out); no
//      worker running, so both do exactly their ingest work;
//   2. the worker drains what the server stored (mapped deliveries/s), then inbox rows and leads
//      are checked against the unique deliveries sent;
//   3. lag: deliveries at a steady 1,000/s with the worker running; time from each delivery's 200
//      to its lead committed and readable (bench/lag.mjs), p50/p99/max; rows checked again.
// Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_LAG_RATE (1000), BENCH_LAG_SECONDS (10),
// BENCH_WORKER_LOG=<file> (the worker's debug log), BENCH_LAG_CHECKPOINT=0 (no CHECKPOINT before part 3), BENCH_ONLY=lag (only part 3), BENCH_DURABLE=0 (PostgreSQL without fsync, as in the tests), BENCH_SERVER_NODE_ARGS / BENCH_WORKER_NODE_ARGS (e.g. --cpu-prof).
import { spawnSync } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { firstLine, freePort, processGroup, waitHttp } from "../../../tooling/bench/processes.mjs";

const app = join(dirname(fileURLToPath(import.meta.url)), "..");
const workerApp = join(app, "..", "worker");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LAG_RATE = Number(process.env.BENCH_LAG_RATE ?? 1000);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 10);
const POOL_SIZE = 20;
const { start, stopAll } = processGroup(app);

async function runJson(script, args) {
  const child = start(process.execPath, [join(app, "bench", script), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await firstLine(child.stdout, script);
  await new Promise((r) => child.once("exit", r));
  return JSON.parse(line);
}

const load = (url, ws, seconds) =>
  runJson("load.mjs", [url, ws.id, ws.signingKey, String(seconds), String(CONNECTIONS)]);

const pad = (v, n) => String(v).padStart(n);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const verdict = (ok) => (ok ? "OK" : "NOT MET");

async function counts(db, workspaceId) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM "WebhookEvent" WHERE "clientId" = $1)::int AS inbox,
            (SELECT count(*) FROM "WebhookEvent" WHERE "clientId" = $1 AND status = 'PROCESSED')::int AS processed,
            (SELECT coalesce(sum("deliveryCount"), 0) FROM "WebhookEvent" WHERE "clientId" = $1)::int AS deliveries,
            (SELECT count(*) FROM "Lead" WHERE "clientId" = $1)::int AS leads,
            (SELECT count(DISTINCT "receivedAt") FROM "WebhookEvent" WHERE "clientId" = $1)::int AS batches`,
    [workspaceId],
  );
  return rows[0];
}

try {
  if (!existsSync(join(app, "dist/server.js")))
    throw new Error("dist/server.js is missing: run `pnpm --filter @booking/webhooks build` (pnpm bench does)");
  const built = spawnSync(join(workerApp, "node_modules/.bin/tsup"), [], { cwd: workerApp, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`building the worker failed:\n${built.stdout}${built.stderr}`);

  const setup = start(join(app, "node_modules/.bin/tsx"), ["bench/setup-db.ts"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const env = JSON.parse(await firstLine(setup.stdout, "database setup"));
  console.log(
    `bench: PostgreSQL 17 (embedded, ${process.env.BENCH_DURABLE === "0" ? "fsync and synchronous_commit OFF" : "fsync and synchronous_commit on"}), ${CONNECTIONS} connections, ${SECONDS} s per ingest run, 2 CPU cores shared by everything`,
  );

  const serverPort = await freePort();
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  start(process.execPath, [...nodeArgs, "dist/server.js"], {
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
  await waitHttp(`${serverUrl}/healthz`, { ok: true });

  const db = new pg.Client({ connectionString: env.url });
  await db.connect();
  const workerNodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const startWorkerProcess = () =>
    start(process.execPath, [...workerNodeArgs, "dist/main.js"], {
      cwd: workerApp,
      // BENCH_WORKER_LOG=<file>: the worker's debug log there (each inbox batch with its duration).
      stdio: [
        "ignore",
        process.env.BENCH_WORKER_LOG ? openSync(process.env.BENCH_WORKER_LOG, "w") : "ignore",
        "inherit",
      ],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: env.url,
        CREDENTIALS_ENCRYPTION_KEY: env.encryptionKey,
        PUBLIC_WEBHOOK_BASE_URL: serverUrl,
        LOG_LEVEL: process.env.BENCH_WORKER_LOG ? "debug" : "warn",
      },
    });
  if (process.env.BENCH_ONLY === "lag") {
    startWorkerProcess();
    await new Promise((r) => setTimeout(r, 3000));
  } else await ingestAndDrain();

  async function ingestAndDrain() {
    // ---- 1. ingest, side by side
    const targets = {
      baseline: {
        name: "baseline (node:http + pg: verify + 1 INSERT)",
        url: baseUrl,
        ws: env.workspaces.baseline,
        runs: [],
      },
      server: { name: "webhooks server (inbox-first)", url: serverUrl, ws: env.workspaces.server, runs: [] },
    };
    let serverUnique = 0;
    for (const key of ["baseline", "server"]) {
      const warm = await load(targets[key].url, targets[key].ws, 2); // JIT, pools, caches
      if (key === "server") serverUnique += warm.unique;
    }
    for (const key of ["baseline", "server", "server", "baseline"]) {
      const r = await load(targets[key].url, targets[key].ws, SECONDS);
      targets[key].runs.push(r);
      if (key === "server") serverUnique += r.unique;
    }
    console.log("");
    console.log("1. ingest (no worker running)");
    console.log(`   ${"target".padEnd(46)}  run  deliveries/s   p50 ms   p99 ms   max ms  non-2xx  errors`);
    for (const t of Object.values(targets))
      for (const [i, r] of t.runs.entries())
        console.log(
          `   ${t.name.padEnd(46)}  ${pad(i + 1, 3)}${pad(r.rps.toFixed(0), 14)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.max, 9)}${pad(r.non2xx, 9)}${pad(r.errors + r.timeouts, 8)}`,
        );
    const b = {
      rps: mean(targets.baseline.runs.map((r) => r.rps)),
      p99: mean(targets.baseline.runs.map((r) => r.p99)),
    };
    const s = { rps: mean(targets.server.runs.map((r) => r.rps)), p99: mean(targets.server.runs.map((r) => r.p99)) };
    const failures = targets.server.runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
    const ratio = s.rps / b.rps;
    const p99Ratio = s.p99 / b.p99;
    console.log(
      `   mean: baseline ${b.rps.toFixed(0)}/s p99 ${b.p99.toFixed(1)} ms; server ${s.rps.toFixed(0)}/s p99 ${s.p99.toFixed(1)} ms`,
    );
    console.log(`   throughput ratio server/baseline: ${ratio.toFixed(2)} (bar >= 0.90) ${verdict(ratio >= 0.9)}`);
    console.log(`   p99 ratio server/baseline: ${p99Ratio.toFixed(2)} (bar <= 1.20) ${verdict(p99Ratio <= 1.2)}`);
    console.log(`   server non-2xx + errors: ${failures} (bar 0) ${verdict(failures === 0)}`);

    // ---- 2. the worker drains what the server stored
    await db.query(`DELETE FROM "WebhookEvent" WHERE "clientId" = $1`, [env.workspaces.baseline.id]); // not the worker's
    const stored = await counts(db, env.workspaces.server.id);
    startWorkerProcess();
    const drainStart = performance.now();
    let drained = stored;
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      drained = await counts(db, env.workspaces.server.id);
      if (drained.processed === drained.inbox) break;
      if (performance.now() - drainStart > 300_000) throw new Error("the worker did not drain the inbox in 5 min");
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    console.log("");
    console.log("2. the worker drains the server's inbox");
    console.log(
      `   ${drained.inbox} deliveries mapped in ${drainSeconds.toFixed(1)} s: ${(drained.inbox / drainSeconds).toFixed(0)} mapped/s (one worker process, includes its start-up)`,
    );
    const ok1 = drained.inbox === serverUnique && drained.leads === drained.inbox;
    console.log(
      `   inbox rows: ${drained.inbox}, leads: ${drained.leads}, unique deliveries sent: ${serverUnique} ${ok1 ? "OK" : `(difference ${serverUnique - drained.inbox}: requests in flight when autocannon stopped may or may not have arrived, at most ${CONNECTIONS} per run)`}`,
    );
    console.log(
      `   ${drained.deliveries} deliveries stored as ${drained.inbox} rows (redeliveries counted, not re-applied); about ${(drained.inbox / Math.max(1, drained.batches)).toFixed(1)} new deliveries per INSERT`,
    );
  }

  // ---- 3. lag at a steady rate, worker running, from a settled database: what parts 1 and 2
  // wrote vacuumed and checkpointed, as it would be long after a backlog. Without the CHECKPOINT
  // (BENCH_LAG_CHECKPOINT=0), the checkpoint that writes out the backlog's pages runs
  // during the measurement, and on this machine's disk the server's answers and the lag then reach
  // a p99 of ~100 ms: the figure printed below says whether one overlapped.
  await db.query(`VACUUM (ANALYZE) "WebhookEvent", "Lead"`);
  if (process.env.BENCH_LAG_CHECKPOINT !== "0") await db.query("CHECKPOINT");
  const checkpointer = async () =>
    (await db.query("SELECT write_time + sync_time AS ms FROM pg_stat_checkpointer")).rows[0];
  const checkpointsBefore = await checkpointer();
  const lag = await runJson("lag.mjs", [
    serverUrl,
    env.workspaces.lag.id,
    env.workspaces.lag.signingKey,
    env.url,
    String(LAG_RATE),
    String(LAG_SECONDS),
    "2",
  ]);
  const lagRows = await counts(db, env.workspaces.lag.id);
  const checkpointsAfter = await checkpointer();
  await db.end();
  console.log("");
  console.log(
    `3. delivery -> lead visible, at a steady ${LAG_RATE}/s for ${LAG_SECONDS} s (after 2 s), worker running`,
  );
  console.log(
    `   sent ${lag.sent} at ${lag.rate}/s: ${lag.ok} answered 200, ${lag.non2xx} non-2xx, ${lag.errors} errors; answers p50 ${lag.answer.p50} ms, p99 ${lag.answer.p99} ms`,
  );
  console.log(
    `   lag (200 answered -> lead committed and read): p50 ${lag.lag.p50} ms, p99 ${lag.lag.p99} ms, max ${lag.lag.max} ms over ${lag.measured} deliveries (${lag.notSeen} not seen within 5 s)`,
  );
  console.log(
    `   checkpoint work during the measurement: ${Math.round(checkpointsAfter.ms - checkpointsBefore.ms)} ms of checkpoint writes and syncs completed`,
  );
  console.log(`   p99 lag bar < 50 ms: ${verdict(lag.lag.p99 !== null && lag.lag.p99 < 50 && lag.notSeen === 0)}`);
  const ok2 = lagRows.inbox === lag.ok && lagRows.leads === lag.ok && lagRows.processed === lag.ok;
  console.log(
    `   inbox rows: ${lagRows.inbox} (${lagRows.processed} mapped), leads: ${lagRows.leads}, deliveries answered 200: ${lag.ok} ${ok2 ? "OK" : "MISMATCH"}`,
  );
} catch (error) {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  stopAll();
  await new Promise((r) => setTimeout(r, 500));
}
