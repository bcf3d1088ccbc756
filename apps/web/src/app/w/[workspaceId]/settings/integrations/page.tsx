import type { Metadata } from "next";
import { IntegrationsView } from "~/components/integrations/IntegrationsView";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspaceId = decodeURIComponent((await params).workspaceId);
  prefetch(trpc.settings.get.queryOptions({ workspaceId }));
  prefetch(trpc.integrations.calendly.get.queryOptions({ workspaceId }));
  return (
    <HydrateClient>
      <IntegrationsView />
    </HydrateClient>
  );
}
