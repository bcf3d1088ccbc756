// Starts the whole stack for the browser tests and returns its teardown:
// PostgreSQL (throwaway cluster, or a fresh database on $TEST_DATABASE_URL's server) + migrations +
// the demo seed, the fake Calendly over HTTP, the built web app (`next start`), the webhooks
// server, the worker, and the control endpoint that lets tests make the fake Calendly deliver a webhook.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeCalendlyServer } from "@booking/calendly/testing";
import { createDb, generateKey } from "@booking/db";
import { DEMO_EVENT_TYPE, seedDemo } from "@booking/db/seed";
import { createDatabase, dropDatabase, freePort, migrate, startPostgres } from "@booking/db/testing";
import { E2E_OAUTH_APP, E2E_OAUTH_EVENT, E2E_OAUTH_USER } from "./calendly-oauth-env";
import { startControlServer } from "./control-server";
import { E2E_CALENDLY_TOKEN, E2E_CALENDLY_USER, E2E_STRATEGY_EVENT } from "./env";
import { startProcess, stopProcess, waitForHttp } from "./processes";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const webhooksDir = join(webDir, "..", "webhooks");
const workerDir = join(webDir, "..", "worker");
const logDir = join(webDir, "test-results", "logs");

export default async function globalSetup() {
  const cleanups: Array<() => Promise<void> | void> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error("e2e teardown:", error);
      }
    }
  };

  try {
    if (!existsSync(join(webDir, ".next", "BUILD_ID"))) {
      throw new Error("apps/web is not built: run `pnpm --filter @booking/web build` (turbo's e2e task does it) first");
    }

    // 1. Database.
    let adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) {
      const cluster = await startPostgres();
      cleanups.push(() => cluster.stop());
      adminUrl = cluster.url("postgres");
    }
    const dbName = `e2e_${randomBytes(4).toString("hex")}`;
    const databaseUrl = await createDatabase(adminUrl, dbName);
    if (process.env.TEST_DATABASE_URL) cleanups.push(() => dropDatabase(adminUrl!, dbName));
    migrate(databaseUrl);
    const db = createDb({ url: databaseUrl, max: 2 });
    await seedDemo(db);
    await db.$disconnect();

    // 2. Calendly, played by the fake over HTTP.
    // `control`: /__fake/ endpoints through which tests disable hooks and add undelivered bookings.
    const calendly = await startFakeCalendlyServer({ host: "127.0.0.1", control: true });
    cleanups.push(() => calendly.close());
    const account = calendly.fake.addAccount({ token: E2E_CALENDLY_TOKEN, user: E2E_CALENDLY_USER });
    calendly.fake.addEventType(account.userUri, {
      uri: DEMO_EVENT_TYPE.uri,
      name: DEMO_EVENT_TYPE.name,
      scheduling_url: DEMO_EVENT_TYPE.link,
      duration: 30,
    });
    calendly.fake.addEventType(account.userUri, E2E_STRATEGY_EVENT);
    // Connect with Calendly (OAuth): the user who consents on the fake, with an event type.
    const oauthUser = calendly.fake.addAccount({
      token: "e2e-contoso-owner-personal-token-0001",
      user: E2E_OAUTH_USER,
      role: "owner",
    });
    calendly.fake.addEventType(oauthUser.userUri, E2E_OAUTH_EVENT);
    calendly.fake.oauth.consentAs(oauthUser.userUri);

    // 3. The apps.
    const [webPort, webhooksPort] = [await freePort(), await freePort()];
    const baseUrl = `http://localhost:${webPort}`;
    const webhooksUrl = `http://localhost:${webhooksPort}`;
    calendly.fake.oauth.registerClient({
      ...E2E_OAUTH_APP,
      redirectUris: [`${baseUrl}/api/integrations/calendly/oauth/callback`],
    });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      CREDENTIALS_ENCRYPTION_KEY: generateKey(),
      CALENDLY_API_BASE_URL: calendly.url,
      // The fake serves the OAuth server (/oauth/authorize, /oauth/token, /oauth/revoke) too.
      CALENDLY_AUTH_BASE_URL: calendly.url,
      CALENDLY_OAUTH_CLIENT_ID: E2E_OAUTH_APP.clientId,
      CALENDLY_OAUTH_CLIENT_SECRET: E2E_OAUTH_APP.clientSecret,
      PUBLIC_WEBHOOK_BASE_URL: webhooksUrl,
      ADMIN_API_TOKEN: randomBytes(24).toString("base64url"),
      INTERNAL_API_TOKEN: randomBytes(24).toString("base64url"),
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BETTER_AUTH_URL: baseUrl,
      WEB_PORT: String(webPort),
      WEBHOOKS_PORT: String(webhooksPort),
      PORT: String(webPort),
      // Short, so a browser test sees the worker repair a subscription within its timeout.
      CALENDLY_HEALTH_INTERVAL_SECONDS: "3",
      // As behind one reverse proxy: the security tests play distinct clients with X-Forwarded-For.
      TRUST_PROXY: "1",
    };

    // The built apps, as production runs them (turbo's e2e task builds them first).
    const webhooks = startProcess("webhooks", process.execPath, [join(webhooksDir, "dist", "server.js")], {
      cwd: webhooksDir,
      env,
      logDir,
    });
    cleanups.push(() => stopProcess(webhooks));
    const worker = startProcess("worker", process.execPath, [join(workerDir, "dist", "main.js")], {
      cwd: workerDir,
      env,
      logDir,
    });
    cleanups.push(() => stopProcess(worker));
    const web = startProcess(
      "web",
      process.execPath,
      [join(webDir, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(webPort)],
      {
        cwd: webDir,
        env,
        logDir,
      },
    );
    cleanups.push(() => stopProcess(web));
    await Promise.all([waitForHttp(`${webhooksUrl}/healthz`, webhooks), waitForHttp(`${baseUrl}/sign-in`, web)]);

    const control = await startControlServer(calendly.fake);
    cleanups.push(() => control.close());

    process.env.E2E_BASE_URL = baseUrl;
    process.env.E2E_WEBHOOKS_URL = webhooksUrl;
    process.env.E2E_CONTROL_URL = control.url;
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_CALENDLY_URL = calendly.url;
    process.env.E2E_ADMIN_API_TOKEN = env.ADMIN_API_TOKEN;
    process.env.E2E_WEB_PID = String(web.child.pid);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
