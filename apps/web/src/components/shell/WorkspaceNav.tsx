"use client";

import { Button, Group } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTRPC } from "~/trpc/react";

const SECTIONS = [
  { path: "leads", label: "Leads", adminOnly: false },
  { path: "inbox", label: "Inbox", adminOnly: false },
  { path: "settings/integrations", label: "Integrations", adminOnly: false },
  { path: "settings/members", label: "Members", adminOnly: true },
] as const;

export function WorkspaceNav({ workspaceId }: { workspaceId: string }) {
  const pathname = usePathname();
  const trpc = useTRPC();
  // Both are in the cache already (the shell loads them).
  const workspaces = useQuery(trpc.workspaces.list.queryOptions());
  const me = useQuery(trpc.session.me.queryOptions());
  const isAdmin =
    Boolean(me.data?.isPlatformAdmin) ||
    Boolean(workspaces.data?.find((w) => w.id === workspaceId)?.roles.includes("ADMIN"));
  return (
    <Group component="nav" aria-label="Workspace sections" gap={4}>
      {SECTIONS.filter((s) => isAdmin || !s.adminOnly).map((s) => {
        const href = `/w/${encodeURIComponent(workspaceId)}/${s.path}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Button
            key={s.path}
            component={Link}
            href={href}
            variant={active ? "light" : "subtle"}
            color={active ? "indigo" : "dark"}
            size="sm"
            aria-current={active ? "page" : undefined}
          >
            {s.label}
          </Button>
        );
      })}
    </Group>
  );
}
