// A throwaway PostgreSQL for tests, benchmarks and the e2e stack: the embedded server (see
// ../embedded-postgres.ts) on a temp folder and a free port, tuned for throwaway data, removed on stop.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type EmbeddedServer, startEmbeddedPostgres } from "../embedded-postgres.ts";

export { freePort } from "../embedded-postgres.ts";

export type PostgresCluster = EmbeddedServer & {
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
};

/** Server settings for throwaway data: no durability work, room for many test connections. */
const TEST_FLAGS = [
  ["fsync", "off"],
  ["synchronous_commit", "off"],
  ["full_page_writes", "off"],
  ["max_connections", "300"],
  ["shared_buffers", "128MB"],
].flatMap(([name, value]) => ["-c", `${name}=${value}`]);

/** `flags`: server settings (`-c name=value` pairs) instead of the test defaults (benchmarks tune their own). */
export async function startPostgres(opts: { flags?: string[] } = {}): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), "booking-pg-"));
  const server = await startEmbeddedPostgres({ dataDir: join(dir, "data"), flags: opts.flags ?? TEST_FLAGS });
  let stopped = false;
  return {
    ...server,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.pause();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a helper process that starts a cluster for its parent (benchmarks): keeps it until the
 * parent closes our stdin or sends SIGTERM/SIGINT, then removes it and exits. Returns that stop
 * (for the helper's own failure).
 */
export function stopWhenParentGoes(cluster: PostgresCluster): () => void {
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    void cluster.stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
  return stop;
}

/** Creates a database as a copy of `template` (or empty) and returns its URL. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
