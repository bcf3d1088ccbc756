"use client";

import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";
import { useWorkspace } from "../shell/workspace-context";
import { EmptyView } from "../states/EmptyView";
import { ErrorState } from "../states/ErrorState";
import { SearchField, SelectField } from "../states/Fields";
import { LoadingState } from "../states/LoadingState";
import { Pager } from "../states/Pager";
import { APPOINTMENT_STATUS } from "./LeadStatusBadge";
import { LeadsTable } from "./LeadsTable";
import { useLeadsList } from "./use-leads-list";

const STATUS_OPTIONS = [
  { value: "ALL", label: "All statuses" },
  ...Object.entries(APPOINTMENT_STATUS).map(([value, s]) => ({ value, label: s.label })),
];

// The New lead dialog and its form are loaded when the user reaches for the button (hover, focus, click).
const loadCreateLeadModal = () => import("./CreateLeadModal");
const CreateLeadModal = dynamic(() => loadCreateLeadModal().then((m) => m.CreateLeadModal), { ssr: false });

function NewLeadButton({ onClick }: { onClick: () => void }) {
  const preload = () => void loadCreateLeadModal().catch(() => undefined);
  return (
    <Button onClick={onClick} onMouseEnter={preload} onFocus={preload}>
      New lead
    </Button>
  );
}

export function LeadsView() {
  const { workspace } = useWorkspace();
  const list = useLeadsList(workspace.id);
  const { leads, items, search, status } = list;
  // Mounted from the first opening on, so closing keeps Mantine's transition.
  const [create, setCreate] = useState<"never" | "open" | "closed">("never");
  const openCreate = () => setCreate("open");

  let body: ReactNode;
  if (leads.isPending)
    body = (
      <Stack p="lg">
        <LoadingState label="Loading leads" rows={5} />
      </Stack>
    );
  else if (leads.isError)
    body = (
      <Stack p="lg">
        <ErrorState title="Could not load leads" error={leads.error} onRetry={() => leads.refetch()} />
      </Stack>
    );
  else if (items.length === 0)
    body = (
      <EmptyView
        title={search ? `No leads match “${search}”` : status ? "No leads with this status" : "No leads yet"}
        description={
          search
            ? "Search looks at the start of the name, of the last name and of the email."
            : status
              ? "Try another status filter."
              : "Create a lead, or wait for one to book through Calendly."
        }
        action={
          list.filtered ? (
            <Button variant="default" onClick={list.clearFilters}>
              Show all leads
            </Button>
          ) : (
            <NewLeadButton onClick={openCreate} />
          )
        }
      />
    );
  else body = <LeadsTable workspaceId={workspace.id} leads={items} />;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Leads
          </Title>
          <Text c="dimmed" size="sm">
            Appointment status of every lead in {workspace.name}.
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          <SearchField
            label="Search leads"
            placeholder="Name or email"
            value={list.searchText}
            onChange={list.setSearchText}
            maxLength={100}
            width={240}
            testId="leads-search"
          />
          <SelectField
            label="Appointment status"
            options={STATUS_OPTIONS}
            value={status ?? "ALL"}
            onChange={list.changeStatus}
            width={200}
          />
          <NewLeadButton onClick={openCreate} />
        </Group>
      </Group>

      <Card p={0}>{body}</Card>

      <Pager
        label="Leads pages"
        page={list.page}
        hasNext={list.hasNext}
        busy={leads.isFetching}
        announceLoading
        onPrevious={list.previous}
        onNext={list.next}
      />

      {create !== "never" && (
        <CreateLeadModal workspaceId={workspace.id} opened={create === "open"} onClose={() => setCreate("closed")} />
      )}
    </Stack>
  );
}
