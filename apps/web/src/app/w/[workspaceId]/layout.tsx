import type { ReactNode } from "react";
import { WorkspaceShell } from "~/components/shell/WorkspaceShell";
import { TRPCReactProvider } from "~/trpc/react";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  prefetch(trpc.workspaces.list.queryOptions());
  prefetch(trpc.session.me.queryOptions());
  return (
    // The data layer (tRPC + react-query) is loaded by the pages that use it, not by the root layout.
    <TRPCReactProvider>
      <HydrateClient>
        <WorkspaceShell workspaceId={decodeURIComponent(workspaceId)}>{children}</WorkspaceShell>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
