import type { Metadata } from "next";
import { INBOX_PAGE_SIZE } from "~/components/inbox/constants";
import { InboxView } from "~/components/inbox/InboxView";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspaceId = decodeURIComponent((await params).workspaceId);
  prefetch(trpc.webhooks.list.queryOptions({ workspaceId, limit: INBOX_PAGE_SIZE }));
  return (
    <HydrateClient>
      <InboxView />
    </HydrateClient>
  );
}
