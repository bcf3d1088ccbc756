"use client";

import { Button } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";

/** Re-runs the mapping of stored deliveries (same idempotency rules as a live delivery). */
export function ReplayButton({
  workspaceId,
  ids,
  label = "Replay",
  size = "compact-sm",
}: {
  workspaceId: string;
  ids: string[];
  label?: string;
  size?: "compact-sm" | "sm";
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replay = useMutation(
    trpc.webhooks.replay.mutationOptions({
      onSuccess: async ({ results }) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() }),
        ]);
        const failed = results.filter((r) => r.status === "FAILED");
        if (failed.length === 0)
          notifySuccess(`${results.length} deliver${results.length === 1 ? "y" : "ies"} processed again.`, "Replayed");
        else
          notifyError(
            `${failed.length} of ${results.length} failed again: ${failed[0]?.error ?? "unknown error"}`,
            "Replay failed",
          );
      },
      onError: (error) => notifyError(error, "Replay failed"),
    }),
  );
  return (
    <Button
      size={size}
      variant="default"
      loading={replay.isPending}
      disabled={ids.length === 0}
      onClick={() => replay.mutate({ workspaceId, ids })}
    >
      {label}
    </Button>
  );
}
