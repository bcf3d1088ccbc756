"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { INBOX_PAGE_SIZE as PAGE_SIZE } from "./constants";
import type { DeliveryStatusFilter } from "./types";

/** The Inbox list: status filter, keyset pages, refreshed every 15 s. */
export function useInbox(workspaceId: string) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<DeliveryStatusFilter | null>(null);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];

  const list = useQuery({
    ...trpc.webhooks.list.queryOptions({
      workspaceId,
      limit: PAGE_SIZE,
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const items = list.data?.items ?? [];
  const nextCursor = list.data?.nextCursor ?? null;

  return {
    list,
    items,
    failedIds: items.filter((d) => d.status === "FAILED").map((d) => d.id),
    status,
    /** "ALL" (or nothing) clears the filter; back to the first page. */
    changeStatus: (value: string) => {
      setStatus(!value || value === "ALL" ? null : (value as DeliveryStatusFilter));
      setCursors([undefined]);
    },
    page: cursors.length,
    hasNext: Boolean(nextCursor),
    next: () => nextCursor && setCursors((c) => [...c, nextCursor]),
    previous: () => setCursors((c) => c.slice(0, -1)),
  };
}
