// pnpm db:replay [--workspace <id>] [--status FAILED|RECEIVED] [--id <eventId> ...] [--limit n]
// Replays stored deliveries through the same mapper as live ones; prints one line per delivery.
import { createSqlPool, replayWebhookEvents } from "../services.ts";
import { cliArgs } from "./args.ts";
import { cliEnv, runCli } from "./deps.ts";

const usage = "replay [--workspace <id>] [--status FAILED|RECEIVED] [--id <eventId> ...] [--limit <n>]";
const args = cliArgs(
  {
    workspace: { type: "string" },
    status: { type: "string" },
    id: { type: "string", multiple: true },
    limit: { type: "string" },
  },
  usage,
);

await runCli(async () => {
  const { pool, sql } = createSqlPool({ url: cliEnv().DATABASE_URL, max: 2, applicationName: "booking-replay" });
  try {
    const status = args.status === undefined ? (args.id ? undefined : "FAILED") : args.status.toUpperCase();
    if (status !== undefined && status !== "FAILED" && status !== "RECEIVED") {
      console.error(`--status must be FAILED or RECEIVED\nusage: ${usage}`);
      return 2;
    }
    const limit = args.limit === undefined ? undefined : Number(args.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      console.error(`--limit must be a positive integer\nusage: ${usage}`);
      return 2;
    }
    const { results } = await replayWebhookEvents(
      { sql },
      {
        workspaceId: args.workspace,
        ids: args.id as string[] | undefined,
        status: status as "FAILED" | "RECEIVED" | undefined,
        limit,
      },
    );
    for (const r of results) console.log(`${r.id}\t${r.status}\t${r.outcome ?? ""}${r.error ? `\t${r.error}` : ""}`);
    const failed = results.filter((r) => r.status === "FAILED").length;
    console.log(`replayed ${results.length} deliveries: ${results.length - failed} ok, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  } finally {
    await pool.end();
  }
});
