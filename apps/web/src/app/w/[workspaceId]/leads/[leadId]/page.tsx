import type { Metadata } from "next";
import { LeadPageView } from "~/components/leads/LeadPageView";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Lead" };

export default async function LeadPage({ params }: { params: Promise<{ workspaceId: string; leadId: string }> }) {
  const leadId = decodeURIComponent((await params).leadId);
  prefetch(trpc.leads.get.queryOptions({ leadId }));
  prefetch(trpc.leads.timeline.queryOptions({ leadId }));
  return (
    <HydrateClient>
      <LeadPageView leadId={leadId} />
    </HydrateClient>
  );
}
