import type { Metadata } from "next";
import { LEADS_PAGE_SIZE } from "~/components/leads/constants";
import { LeadsView } from "~/components/leads/LeadsView";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspaceId = decodeURIComponent((await params).workspaceId);
  prefetch(trpc.leads.list.queryOptions({ workspaceId, limit: LEADS_PAGE_SIZE }));
  return (
    <HydrateClient>
      <LeadsView />
    </HydrateClient>
  );
}
