"use client";

import { Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useWorkspace } from "../shell/workspace-context";
import { EmptyView } from "../states/EmptyView";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { CreateLeadForm } from "./CreateLeadForm";
import { LEADS_PAGE_SIZE as PAGE_SIZE, SEARCH_DEBOUNCE_MS } from "./constants";
import { APPOINTMENT_STATUS } from "./LeadStatusBadge";
import { LeadsTable } from "./LeadsTable";
import type { LeadStatusFilter } from "./types";

const STATUS_OPTIONS = [
  { value: "ALL", label: "All statuses" },
  ...Object.entries(APPOINTMENT_STATUS).map(([value, s]) => ({ value, label: s.label })),
];

export function LeadsView() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const [status, setStatus] = useState<LeadStatusFilter | null>(null);
  const [searchText, setSearchText] = useState("");
  const [debounced] = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const search = debounced.slice(0, 100);
  // Cursors of the pages visited so far (for the current filters); the last one is the current page.
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({
    key: "",
    cursors: [undefined],
  });
  const filterKey = JSON.stringify([status, search]);
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const setCursors = (update: (c: Array<string | undefined>) => Array<string | undefined>) =>
    setPaging({ key: filterKey, cursors: update(cursors) });
  const cursor = cursors[cursors.length - 1];
  const [createOpen, createModal] = useDisclosure(false);

  const leads = useQuery({
    ...trpc.leads.list.queryOptions({
      workspaceId: workspace.id,
      limit: PAGE_SIZE,
      ...(status ? { status } : {}),
      ...(search ? { search } : {}),
      ...(cursor ? { cursor } : {}),
    }),
    placeholderData: keepPreviousData,
  });

  const changeStatus = (value: string | null) => {
    setStatus(!value || value === "ALL" ? null : (value as LeadStatusFilter));
  };
  const filtered = Boolean(status || search);

  const items = leads.data?.items ?? [];
  const nextCursor = leads.data?.nextCursor ?? null;
  const page = cursors.length;

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
          <TextInput
            type="search"
            label="Search leads"
            placeholder="Name or email"
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            maxLength={100}
            w={240}
            data-testid="leads-search"
          />
          <NativeSelect
            label="Appointment status"
            data={STATUS_OPTIONS}
            value={status ?? "ALL"}
            onChange={(e) => changeStatus(e.currentTarget.value)}
            w={200}
          />
          <Button onClick={createModal.open}>New lead</Button>
        </Group>
      </Group>

      <Card p={0}>
        {leads.isPending ? (
          <Stack p="lg">
            <LoadingState label="Loading leads" rows={5} />
          </Stack>
        ) : leads.isError ? (
          <Stack p="lg">
            <ErrorState title="Could not load leads" error={leads.error} onRetry={() => leads.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
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
              filtered ? (
                <Button
                  variant="default"
                  onClick={() => {
                    changeStatus("ALL");
                    setSearchText("");
                  }}
                >
                  Show all leads
                </Button>
              ) : (
                <Button onClick={createModal.open}>New lead</Button>
              )
            }
          />
        ) : (
          <LeadsTable workspaceId={workspace.id} leads={items} />
        )}
      </Card>

      {(page > 1 || nextCursor) && (
        <Group justify="space-between" component="nav" aria-label="Leads pages">
          <Text size="sm" c="dimmed" aria-live="polite">
            Page {page}
            {leads.isFetching ? " · loading…" : ""}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              disabled={page <= 1 || leads.isFetching}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Previous
            </Button>
            <Button
              variant="default"
              size="sm"
              disabled={!nextCursor || leads.isFetching}
              onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
            >
              Next
            </Button>
          </Group>
        </Group>
      )}

      <Modal opened={createOpen} onClose={createModal.close} title="New lead" centered>
        <CreateLeadForm workspaceId={workspace.id} onDone={createModal.close} />
      </Modal>
    </Stack>
  );
}
