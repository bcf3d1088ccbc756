import type { Metadata } from "next";
import { MembersView } from "~/components/members/MembersView";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspaceId = decodeURIComponent((await params).workspaceId);
  prefetch(trpc.members.list.queryOptions({ workspaceId }));
  return (
    <HydrateClient>
      <MembersView />
    </HydrateClient>
  );
}
