"use client";

import { Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useWorkspace } from "../shell/workspace-context";
import { EmptyView } from "../states/EmptyView";
import { ErrorState } from "../states/ErrorState";
import { SelectField } from "../states/Fields";
import { LoadingState } from "../states/LoadingState";
import { Pager } from "../states/Pager";
import { DeliveriesTable } from "./DeliveriesTable";
import { DELIVERY_STATUS } from "./DeliveryStatusBadge";
import { ReconcileButton } from "./ReconcileButton";
import { ReplayButton } from "./ReplayButton";
import { useInbox } from "./use-inbox";

const STATUS_OPTIONS = [
  { value: "ALL", label: "All deliveries" },
  ...Object.entries(DELIVERY_STATUS).map(([value, s]) => ({ value, label: s.label })),
];

export function InboxView() {
  const { workspace, isAdmin } = useWorkspace();
  const inbox = useInbox(workspace.id);
  const { list, items, status, failedIds } = inbox;

  let body: ReactNode;
  if (list.isPending)
    body = (
      <Stack p="lg">
        <LoadingState label="Loading deliveries" rows={5} />
      </Stack>
    );
  else if (list.isError)
    body = (
      <Stack p="lg">
        <ErrorState title="Could not load the inbox" error={list.error} onRetry={() => list.refetch()} />
      </Stack>
    );
  else if (items.length === 0)
    body = (
      <EmptyView
        title={status ? "No deliveries with this status" : "No deliveries yet"}
        description={
          status
            ? "Try another status."
            : "When Calendly posts a booking, cancellation or no-show for this workspace, it appears here with what it did to the lead."
        }
      />
    );
  else body = <DeliveriesTable workspaceId={workspace.id} items={items} canReplay={isAdmin} />;

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
          <SelectField
            label="Status"
            options={STATUS_OPTIONS}
            value={status ?? "ALL"}
            onChange={inbox.changeStatus}
            width={180}
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

      <Card p={0}>{body}</Card>

      <Pager
        label="Inbox pages"
        page={inbox.page}
        hasNext={inbox.hasNext}
        busy={list.isFetching}
        onPrevious={inbox.previous}
        onNext={inbox.next}
      />
    </Stack>
  );
}
