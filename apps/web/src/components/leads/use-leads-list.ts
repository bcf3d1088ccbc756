"use client";

import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { LEADS_PAGE_SIZE as PAGE_SIZE, SEARCH_DEBOUNCE_MS } from "./constants";
import type { LeadStatusFilter } from "./types";

/** The Leads list: search (debounced), status filter, and keyset pages (Previous goes back one cursor). */
export function useLeadsList(workspaceId: string) {
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

  const leads = useQuery({
    ...trpc.leads.list.queryOptions({
      workspaceId,
      limit: PAGE_SIZE,
      ...(status ? { status } : {}),
      ...(search ? { search } : {}),
      ...(cursor ? { cursor } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const nextCursor = leads.data?.nextCursor ?? null;

  return {
    leads,
    items: leads.data?.items ?? [],
    status,
    /** "ALL" (or nothing) clears the filter. */
    changeStatus: (value: string | null) => setStatus(!value || value === "ALL" ? null : (value as LeadStatusFilter)),
    searchText,
    setSearchText,
    /** The search the list is showing (trimmed, debounced). */
    search,
    filtered: Boolean(status || search),
    clearFilters: () => {
      setStatus(null);
      setSearchText("");
    },
    page: cursors.length,
    hasNext: Boolean(nextCursor),
    next: () => nextCursor && setCursors((c) => [...c, nextCursor]),
    previous: () => setCursors((c) => c.slice(0, -1)),
  };
}
