// Bench helper (run with tsx by run.mjs): a throwaway PostgreSQL 17 with two migrated databases,
// leads_10k (10 workspaces, 10,000 leads) and leads_1m (1,000 workspaces, 1,000,000 leads), one
// workspace holding a fifth of each. Prints one JSON line, then keeps the cluster until stdin
// closes or it gets SIGTERM/SIGINT, and removes it.
import { createDatabase, migrate, startPostgres, stopWhenParentGoes } from "@booking/db/testing";
import { BENCH_USER, BIG_WORKSPACE, generateLeads } from "./generate.ts";

// A server for the data, not for the tests' many tiny databases: the 1M-lead database (about
// 700 MB with its indexes) fits in shared_buffers, durability work off (throwaway data).
const FLAGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "fsync=off",
  "-c",
  "synchronous_commit=off",
  "-c",
  "full_page_writes=off",
  "-c",
  "max_connections=100",
  "-c",
  "shared_buffers=1GB",
  "-c",
  "max_wal_size=4GB",
  "-c",
  "checkpoint_timeout=30min",
];

const pg = await startPostgres({ flags: FLAGS });
const stop = stopWhenParentGoes(pg);

try {
  const sizes = [
    { name: "leads_10k", workspaces: 10, total: 10_000 },
    { name: "leads_1m", workspaces: 1_000, total: 1_000_000 },
  ];
  const databases: Record<string, { url: string; seconds: number; workspaces: number; total: number }> = {};
  for (const size of sizes) {
    const url = await createDatabase(pg.url("postgres"), size.name);
    migrate(url);
    const seconds = await generateLeads(url, size);
    databases[size.name] = { url, seconds, workspaces: size.workspaces, total: size.total };
    console.error(`${size.name}: ${size.total.toLocaleString("en-US")} leads generated in ${seconds.toFixed(1)} s`);
  }
  process.stdout.write(`${JSON.stringify({ databases, workspaceId: BIG_WORKSPACE, user: BENCH_USER })}\n`);
} catch (error) {
  console.error(error);
  stop();
}
