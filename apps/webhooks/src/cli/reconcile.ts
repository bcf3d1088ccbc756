// pnpm db:reconcile --workspace <id> --since <ISO date>
// Lists the workspace's Calendly events since the date and maps any invitee event the inbox lacks.
import { createCalendlyClientFactory } from "@booking/calendly";
import { reconcileCalendlyWorkspace } from "../services.ts";
import { cliArgs } from "./args.ts";
import { cliDeps, runCli } from "./deps.ts";

const usage = "reconcile --workspace <id> --since <ISO-8601 date, e.g. 2026-05-01T00:00:00Z>";
const args = cliArgs({ workspace: { type: "string" }, since: { type: "string" } }, usage);

await runCli(async () => {
  if (!args.workspace || !args.since || Number.isNaN(Date.parse(args.since))) {
    console.error(`--workspace and a valid --since are required\nusage: ${usage}`);
    return 2;
  }
  const { env, db, secrets } = cliDeps();
  try {
    const calendlyFor = createCalendlyClientFactory({ baseUrl: env.CALENDLY_API_BASE_URL });
    const s = await reconcileCalendlyWorkspace(
      { db, secrets, calendlyFor },
      { workspaceId: args.workspace, since: new Date(args.since) },
    );
    console.log(
      `scanned ${s.scannedEvents} events / ${s.scannedInvitees} invitees: imported ${s.imported}, already seen ${s.alreadySeen}, failed ${s.failed}`,
    );
    return s.failed > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
});
