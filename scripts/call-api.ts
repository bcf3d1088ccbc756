// How an internal service calls the API: a typed tRPC client over HTTP with the internal bearer
// token. `pnpm api:call` lists the workspaces and each one's leads from a running web app.
//   WEB_URL (default http://localhost:3000), INTERNAL_API_TOKEN (default: the run command's .local/internal-api-token)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AppRouter, RouterOutputs } from "@booking/api";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";

const root = join(import.meta.dirname, "..");
const tokenFile = join(root, ".local", "internal-api-token");
const token =
  process.env.INTERNAL_API_TOKEN ?? (existsSync(tokenFile) ? readFileSync(tokenFile, "utf8").trim() : undefined);
if (!token) {
  console.error("Set INTERNAL_API_TOKEN (the web app's internal bearer token).");
  process.exit(1);
}
const url = `${process.env.WEB_URL ?? "http://localhost:3000"}/api/trpc`;

const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url, transformer: superjson, headers: () => ({ authorization: `Bearer ${token}` }) })],
});

function describe(lead: RouterOutputs["leads"]["list"]["items"][number]): string {
  const when = lead.appointmentStartAt ? lead.appointmentStartAt.toISOString() : "—";
  return `  ${lead.appointmentStatus.padEnd(11)} ${when.padEnd(24)} ${lead.name} <${lead.email}>`;
}

try {
  const workspaces = await api.workspaces.list.query();
  for (const ws of workspaces) {
    const leads = await api.leads.list.query({ workspaceId: ws.id, limit: 50 });
    console.log(`${ws.name} (${ws.id}) books through ${ws.provider}: ${leads.items.length} lead(s)`);
    for (const lead of leads.items) console.log(describe(lead));
  }
} catch (error) {
  if (error instanceof TRPCClientError) {
    console.error(`API error ${error.data?.code ?? ""}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
