"use client";

import { Button, Card, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useWorkspace } from "../shell/workspace-context";
import { EmptyView } from "../states/EmptyView";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { INBOX_PAGE_SIZE as PAGE_SIZE } from "./constants";
import { DeliveriesTable } from "./DeliveriesTable";
import { DELIVERY_STATUS } from "./DeliveryStatusBadge";
import { ReconcileButton } from "./ReconcileButton";
import { ReplayButton } from "./ReplayButton";
import type { DeliveryStatusFilter } from "./types";

const STATUS_OPTIONS = [
  { value: "ALL", label: "All deliveries" },
  ...Object.entries(DELIVERY_STATUS).map(([value, s]) => ({ value, label: s.label })),
];

export function InboxView() {
  const { workspace, isAdmin } = useWorkspace();
  const trpc = useTRPC();
  const [status, setStatus] = useState<DeliveryStatusFilter | null>(null);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];

  const list = useQuery({
    ...trpc.webhooks.list.queryOptions({
      workspaceId: workspace.id,
      limit: PAGE_SIZE,
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

  const items = list.data?.items ?? [];
  const failedIds = items.filter((d) => d.status === "FAILED").map((d) => d.id);
  const page = cursors.length;
  const nextCursor = list.data?.nextCursor ?? null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Inbox
          </Title>
          <Text c="dimmed" size="sm">
            Calendly deliveries for {workspace.name}, stored before they are applied to a lead.
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label="Status"
            data={STATUS_OPTIONS}
            value={status ?? "ALL"}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setStatus(!v || v === "ALL" ? null : (v as DeliveryStatusFilter));
              setCursors([undefined]);
            }}
            w={180}
          />
          {isAdmin && failedIds.length > 1 && (
            <ReplayButton
              workspaceId={workspace.id}
              ids={failedIds}
              label={`Replay ${failedIds.length} failed`}
              size="sm"
            />
          )}
          {isAdmin && <ReconcileButton workspaceId={workspace.id} />}
        </Group>
      </Group>

      <Card p={0}>
        {list.isPending ? (
          <Stack p="lg">
            <LoadingState label="Loading deliveries" rows={5} />
          </Stack>
        ) : list.isError ? (
          <Stack p="lg">
            <ErrorState title="Could not load the inbox" error={list.error} onRetry={() => list.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyView
            title={status ? "No deliveries with this status" : "No deliveries yet"}
            description={
              status
                ? "Try another status."
                : "When Calendly posts a booking, cancellation or no-show for this workspace, it appears here with what it did to the lead."
            }
          />
        ) : (
          <DeliveriesTable workspaceId={workspace.id} items={items} canReplay={isAdmin} />
        )}
      </Card>

      {(page > 1 || nextCursor) && (
        <Group justify="space-between" component="nav" aria-label="Inbox pages">
          <Text size="sm" c="dimmed">
            Page {page}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              disabled={page <= 1 || list.isFetching}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Previous
            </Button>
            <Button
              variant="default"
              size="sm"
              disabled={!nextCursor || list.isFetching}
              onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
            >
              Next
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
