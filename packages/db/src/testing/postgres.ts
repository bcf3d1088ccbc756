// A throwaway PostgreSQL 15 cluster for tests: initdb into a temp folder, start on a free port,
// remove on stop. As root, the server runs as the `postgres` OS user (it refuses root).
import { execFileSync, type SpawnSyncOptions, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type PostgresCluster = {
  port: number;
  dir: string;
  /** Connection string for a database of this cluster (default `postgres`). */
  url(database?: string): string;
  /** Stops the server, keeping its data (for "database went away" tests). */
  pause(): void;
  /** Starts the server again after pause(). */
  resume(): void;
  /** Stops the server and deletes its data. */
  stop(): void;
};

function binDir(): string {
  const candidates = [
    process.env.PGBIN,
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
  ];
  for (const c of candidates) if (c && existsSync(join(c, "initdb"))) return c;
  throw new Error(
    "PostgreSQL server binaries not found: install postgresql-15 (apt-get install -y postgresql) or set PGBIN",
  );
}

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

/** As root, the OS user the server runs as: `postgres` when the distribution created it, else `nobody`. */
function postgresUser(): { uid: number; gid: number; name: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    try {
      const uid = Number(
        execFileSync("id", ["-u", name], { stdio: ["ignore", "pipe", "ignore"] })
          .toString()
          .trim(),
      );
      const gid = Number(
        execFileSync("id", ["-g", name], { stdio: ["ignore", "pipe", "ignore"] })
          .toString()
          .trim(),
      );
      return { uid, gid, name };
    } catch {
      /* try the next one */
    }
  }
  throw new Error("running as root, but neither a `postgres` nor a `nobody` OS user exists to run PostgreSQL as");
}

function run(cmd: string, args: string[], opts: SpawnSyncOptions) {
  const res = spawnSync(cmd, args, { ...opts, encoding: "utf8" });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${res.status}): ${res.stderr || res.stdout}`);
  }
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = binDir();
  const owner = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), "booking-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, "data");
  const port = await freePort();
  const user = owner ? owner.name : userInfo().username;
  const opts: SpawnSyncOptions = {
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    env: { ...process.env, LC_ALL: "C.UTF-8" },
    cwd: dir,
  };

  run(
    join(bin, "initdb"),
    ["-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"],
    opts,
  );
  const serverOpts = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
    "-c shared_buffers=128MB",
  ].join(" ");
  const start = () =>
    run(
      join(bin, "pg_ctl"),
      ["-D", data, "-l", join(dir, "server.log"), "-o", serverOpts, "-w", "-t", "60", "start"],
      opts,
    );
  const halt = (mode: string) =>
    spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "stop"], { ...opts, stdio: "ignore" });
  start();

  let stopped = false;
  return {
    port,
    dir,
    url: (database = "postgres") => `postgresql://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`,
    pause: () => void halt("fast"),
    resume: start,
    stop: () => {
      if (stopped) return;
      stopped = true;
      halt("immediate");
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
