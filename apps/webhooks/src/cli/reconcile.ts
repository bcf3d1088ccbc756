// pnpm db:reconcile --workspace <id> --since <ISO date>
// Lists the workspace's Calendly events since the date and stores every invitee event the inbox
// lacks; a running worker maps them.
import { createCalendlyClientFactory, createCalendlyOAuthClient } from "@booking/calendly";
import { createDb, secretBoxFromEnv } from "@booking/db";
import { reconcileCalendlyWorkspace } from "../services.ts";
import { cliArgs } from "./args.ts";
import { cliEnv, runCli } from "./deps.ts";

const usage = "reconcile --workspace <id> --since <ISO-8601 date, e.g. 2026-05-01T00:00:00Z>";
const args = cliArgs({ workspace: { type: "string" }, since: { type: "string" } }, usage);

await runCli(async () => {
  if (!args.workspace || !args.since || Number.isNaN(Date.parse(args.since))) {
    console.error(`--workspace and a valid --since are required\nusage: ${usage}`);
    return 2;
  }
  const env = cliEnv();
  const db = createDb({ url: env.DATABASE_URL, max: 2 });
  const secrets = secretBoxFromEnv(process.env);
  try {
    const calendlyFor = createCalendlyClientFactory({ baseUrl: env.CALENDLY_API_BASE_URL });
    const oauth =
      env.CALENDLY_OAUTH_CLIENT_ID && env.CALENDLY_OAUTH_CLIENT_SECRET
        ? createCalendlyOAuthClient({
            clientId: env.CALENDLY_OAUTH_CLIENT_ID,
            clientSecret: env.CALENDLY_OAUTH_CLIENT_SECRET,
            authBaseUrl: env.CALENDLY_AUTH_BASE_URL,
          })
        : null;
    const s = await reconcileCalendlyWorkspace(
      { db, secrets, calendlyFor, oauth, actor: "operator" },
      { workspaceId: args.workspace, since: new Date(args.since) },
    );
    console.log(
      `scanned ${s.scannedEvents} events / ${s.scannedInvitees} invitees: imported ${s.imported} (the worker maps them), already seen ${s.alreadySeen}, failed ${s.failed}`,
    );
    return s.failed > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
});
