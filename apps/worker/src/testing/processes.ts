// The real processes, for the worker's system tests: a webhooks server and a worker started from
// their sources (tsx), each against the given database, stopped or killed by the test.
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@booking/db/testing";

const appsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export type Process = {
  child: ChildProcess;
  /** What it printed (stdout and stderr), for a failing test's message. */
  output(): string;
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL: no cleanup at all. */
  kill(): Promise<void>;
};

/** One process (node with tsx's loader, not the tsx CLI, which runs the script in a second process a SIGKILL would miss). */
function start(entry: string, env: Record<string, string>): Process {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: dirname(dirname(entry)),
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", NODE_OPTIONS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out = (out + String(d)).slice(-20_000);
  });
  child.stderr?.on("data", (d) => {
    out = (out + String(d)).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (s: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(s);
    await exited;
  };
  return { child, output: () => out, stop: () => signal("SIGTERM"), kill: () => signal("SIGKILL") };
}

/** `apps/webhooks/src/server.ts` on a free port; resolves once /healthz answers. */
export async function startWebhooksServer(opts: {
  databaseUrl: string;
  credentialsKey: string;
}): Promise<Process & { url: string }> {
  const port = await freePort();
  const p = start(join(appsDir, "webhooks", "src", "server.ts"), {
    DATABASE_URL: opts.databaseUrl,
    CREDENTIALS_ENCRYPTION_KEY: opts.credentialsKey,
    WEBHOOKS_PORT: String(port),
    WEBHOOKS_HOST: "127.0.0.1",
    DATABASE_POOL_SIZE: "5",
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { ...p, url };
    } catch {}
    if (p.child.exitCode !== null || Date.now() > until)
      throw new Error(`the webhooks server did not start:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `apps/worker/src/main.ts` (the whole worker: inbox drainer and graphile-worker). */
export function startWorkerProcess(opts: { databaseUrl: string; credentialsKey: string }): Process {
  return start(join(appsDir, "worker", "src", "main.ts"), {
    DATABASE_URL: opts.databaseUrl,
    CREDENTIALS_ENCRYPTION_KEY: opts.credentialsKey,
    DATABASE_POOL_SIZE: "4",
    WORKER_CONCURRENCY: "1",
  });
}
