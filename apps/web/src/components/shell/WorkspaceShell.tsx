"use client";

import { Anchor, Box, Container } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useMemo } from "react";
import { errorCode } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { EmptyView } from "../states/EmptyView";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { AppHeader } from "./AppHeader";
import { WorkspaceNav } from "./WorkspaceNav";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";
import { type WorkspaceContextValue, WorkspaceProvider } from "./workspace-context";

export function WorkspaceShell({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const workspaces = useQuery(trpc.workspaces.list.queryOptions());
  const me = useQuery(trpc.session.me.queryOptions());

  const unauthorized = errorCode(workspaces.error) === "UNAUTHORIZED";
  useEffect(() => {
    if (unauthorized) router.replace(`/sign-in?next=${encodeURIComponent(`/w/${workspaceId}/leads`)}`);
  }, [unauthorized, router, workspaceId]);

  const current = useMemo<WorkspaceContextValue | null>(() => {
    const workspace = workspaces.data?.find((w) => w.id === workspaceId);
    if (!workspace) return null;
    return { workspace, isAdmin: workspace.roles.includes("ADMIN") || Boolean(me.data?.isPlatformAdmin) };
  }, [workspaces.data, workspaceId, me.data]);

  let body: ReactNode;
  if (workspaces.isPending) body = <LoadingState label="Loading workspace" rows={4} />;
  else if (workspaces.isError)
    body = (
      <ErrorState
        title="Could not load your workspaces"
        error={workspaces.error}
        onRetry={() => workspaces.refetch()}
      />
    );
  else if (!current)
    body = (
      <EmptyView
        heading
        title="Workspace not available"
        description="It does not exist or you are not a member of it."
        action={
          <Anchor component={Link} href="/">
            Go to your workspaces
          </Anchor>
        }
      />
    );
  else body = <WorkspaceProvider value={current}>{children}</WorkspaceProvider>;

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <AppHeader
        user={me.data}
        switcher={
          workspaces.data && workspaces.data.length > 0 ? (
            <WorkspaceSwitcher workspaces={workspaces.data} currentId={workspaceId} />
          ) : null
        }
        nav={current ? <WorkspaceNav workspaceId={workspaceId} /> : null}
      />
      <Container size="xl" py="lg" component="main" id="main" tabIndex={-1}>
        {body}
      </Container>
    </Box>
  );
}
