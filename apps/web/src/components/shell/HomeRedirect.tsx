"use client";

import { Box, Container } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { errorCode } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { EmptyView } from "../states/EmptyView";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { AppHeader } from "./AppHeader";

/** `/`: opens the first of the user's workspaces. */
export function HomeRedirect() {
  const trpc = useTRPC();
  const router = useRouter();
  const workspaces = useQuery(trpc.workspaces.list.queryOptions());
  const first = workspaces.data?.[0];
  const unauthorized = errorCode(workspaces.error) === "UNAUTHORIZED";

  useEffect(() => {
    if (first) router.replace(`/w/${encodeURIComponent(first.id)}/leads`);
    else if (unauthorized) router.replace("/sign-in");
  }, [first, unauthorized, router]);

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <AppHeader />
      <Container size="sm" py="xl" component="main" id="main">
        {workspaces.isError && !unauthorized ? (
          <ErrorState
            title="Could not load your workspaces"
            error={workspaces.error}
            onRetry={() => workspaces.refetch()}
          />
        ) : workspaces.data && workspaces.data.length === 0 ? (
          <EmptyView
            title="No workspace yet"
            description="Your account is not a member of any workspace. Ask a workspace admin to invite your email."
          />
        ) : (
          <LoadingState label="Opening your workspace" rows={3} />
        )}
      </Container>
    </Box>
  );
}
