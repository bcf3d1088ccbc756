// Second half of the run command: an embedded PostgreSQL (a real server from npm, data kept in
// .local/pg) unless DATABASE_URL is set, migrations, demo data, a local Calendly stand-in unless
// CALENDLY_API_BASE_URL is set, then the built web app, webhooks server and worker.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createDb } from "@booking/db";
import { findRepoRoot, localDevKey } from "@booking/db/crypto";
import { reachableDataDir, startEmbeddedPostgres } from "@booking/db/embedded-postgres";
import { DEMO_EVENT_TYPE, DEMO_PASSWORD, seedDemo } from "@booking/db/seed";
import { startDemoControl } from "./demo-control.ts";

const root = findRepoRoot() ?? process.cwd();
const local = join(root, ".local");
mkdirSync(local, { recursive: true });

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : undefined)));
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** A secret kept across runs in .local/<name> (git-ignored). */
function localSecret(name: string, make = () => randomBytes(32).toString("base64url")): string {
  const file = join(local, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "0.0.0.0", () => srv.close(() => resolve(true)));
  });
}

function start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = root) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (line: string) => `[${name}] ${line}`;
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = "";
    stream.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const l of lines) if (l.trim()) console.log(prefix(l));
    });
  }
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(prefix(`exited with ${code}; stopping the stack`));
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function migrate(databaseUrl: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "packages/db/scripts/prisma.mjs"), "migrate", "deploy"], {
      cwd: join(root, "packages/db"),
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migrate deploy exited with ${code}`))));
  });
}

async function main() {
  const webPort = Number(process.env.WEB_PORT ?? 3000);
  const webhooksPort = Number(process.env.WEBHOOKS_PORT ?? 3001);
  for (const [name, port] of [
    ["WEB_PORT", webPort],
    ["WEBHOOKS_PORT", webhooksPort],
  ] as const) {
    if (!(await portFree(port)))
      throw new Error(`Port ${port} is in use: stop what uses it or set ${name}=<another port>`);
  }

  let databaseUrl = process.env.DATABASE_URL;
  let dbLabel = databaseUrl ? "DATABASE_URL" : "";
  if (!databaseUrl) {
    const dataDir = reachableDataDir(join(local, "pg"));
    const server = await startEmbeddedPostgres({ dataDir });
    cleanups.push(() => server.pause());
    databaseUrl = server.url("postgres");
    dbLabel = `embedded PostgreSQL 17 (data in ${dataDir}), at 127.0.0.1:${server.port}`;
  }

  console.log(`Database: ${dbLabel}`);
  await migrate(databaseUrl);
  const db = createDb({ url: databaseUrl, max: 2 });
  const seeded = await seedDemo(db);
  await db.$disconnect();
  console.log(seeded.created ? "Demo data created." : "Demo data already present.");

  let calendlyBaseUrl = process.env.CALENDLY_API_BASE_URL;
  let calendlyNote = `Calendly API: ${calendlyBaseUrl}`;
  const demoToken = "demo-calendly-token-0001";
  // Connect with Calendly (OAuth): the caller's app (from the environment), or the stand-in's.
  let oauthEnv: NodeJS.ProcessEnv = {};
  if (!calendlyBaseUrl) {
    const { startFakeCalendlyServer } = await import("@booking/calendly/testing");
    const stub = await startFakeCalendlyServer({
      port: Number(process.env.CALENDLY_STUB_PORT ?? 0),
      host: "127.0.0.1",
    });
    cleanups.push(() => stub.close());
    const account = stub.fake.addAccount({
      token: demoToken,
      user: { name: "Northwind Demo", email: "calendly@northwind.example" },
    });
    stub.fake.addEventType(account.userUri, {
      uri: DEMO_EVENT_TYPE.uri,
      name: DEMO_EVENT_TYPE.name,
      scheduling_url: DEMO_EVENT_TYPE.link,
      duration: 30,
    });
    stub.fake.addEventType(account.userUri, {
      name: "Strategy session (60 min)",
      scheduling_url: "https://calendly.com/northwind-demo/strategy",
      duration: 60,
    });
    calendlyBaseUrl = stub.url;
    const demoOAuth = { clientId: "demo-crm-oauth-client", clientSecret: "demo-crm-oauth-client-secret" };
    stub.fake.oauth.registerClient(demoOAuth);
    oauthEnv = {
      CALENDLY_AUTH_BASE_URL: stub.url,
      CALENDLY_OAUTH_CLIENT_ID: demoOAuth.clientId,
      CALENDLY_OAUTH_CLIENT_SECRET: demoOAuth.clientSecret,
    };
    const controlPort = Number(process.env.DEMO_CONTROL_PORT ?? 3002);
    const control = await startDemoControl({
      fake: stub.fake,
      hostUserUri: account.userUri,
      eventTypeUri: DEMO_EVENT_TYPE.uri,
      port: controlPort,
    });
    cleanups.push(() => new Promise<void>((r) => control.close(() => r())));
    calendlyNote = [
      `Calendly: a local stand-in at ${stub.url} (this machine cannot reach Calendly): Connect with Calendly, or use the token "${demoToken}"`,
      `│ Simulate a booking once the subscription is ensured (Integrations page):`,
      `│   curl -X POST localhost:${controlPort}/book -H 'content-type: application/json' -d '{"name":"Ada Lovelace","email":"ada@example.com"}'`,
    ].join("\n  ");
  }

  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    CREDENTIALS_ENCRYPTION_KEY: process.env.CREDENTIALS_ENCRYPTION_KEY ?? localDevKey(root),
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? localSecret("better-auth-secret"),
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${webPort}`,
    ADMIN_API_TOKEN: process.env.ADMIN_API_TOKEN ?? localSecret("admin-api-token"),
    INTERNAL_API_TOKEN: process.env.INTERNAL_API_TOKEN ?? localSecret("internal-api-token"),
    PUBLIC_WEBHOOK_BASE_URL: process.env.PUBLIC_WEBHOOK_BASE_URL ?? `http://localhost:${webhooksPort}`,
    CALENDLY_API_BASE_URL: calendlyBaseUrl,
    ...oauthEnv,
    WEB_PORT: String(webPort),
    WEBHOOKS_PORT: String(webhooksPort),
    // Shorter than production's 300 s, so a disabled subscription is seen repaired within the demo.
    CALENDLY_HEALTH_INTERVAL_SECONDS: process.env.CALENDLY_HEALTH_INTERVAL_SECONDS ?? "30",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  start("webhooks", process.execPath, [join(root, "apps/webhooks/dist/server.js")], env);
  start("worker", process.execPath, [join(root, "apps/worker/dist/main.js")], env);
  start(
    "web",
    process.execPath,
    [join(root, "apps/web/node_modules/next/dist/bin/next"), "start", "-p", String(webPort)],
    env,
    join(root, "apps/web"),
  );
  await Promise.all([
    waitFor(`http://127.0.0.1:${webhooksPort}/healthz`),
    waitFor(`http://127.0.0.1:${webPort}/sign-in`),
  ]);

  console.log(`
  ┌──────────────────────────────────────────────────────────────────────────
  │ Web app:          http://localhost:${webPort}
  │ Webhooks server:  http://localhost:${webhooksPort}  (POST /webhooks/calendly/<workspaceId>, GET /healthz)
  │ Worker:           maps deliveries; checks subscriptions every ${env.CALENDLY_HEALTH_INTERVAL_SECONDS} s
  │ Sign in as admin@demo.test, setter@demo.test or inbox@demo.test, password "${DEMO_PASSWORD}"
  │ ${calendlyNote}
  │ Admin API token and internal API token: .local/admin-api-token, .local/internal-api-token
  │ Stop with Ctrl+C.
  └──────────────────────────────────────────────────────────────────────────`);
}

main().catch(async (err) => {
  console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
