"use client";

import { Button, Group } from "@mantine/core";
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { path: "leads", label: "Leads" },
  { path: "inbox", label: "Inbox" },
  { path: "settings/integrations", label: "Integrations" },
] as const;

export function WorkspaceNav({ workspaceId }: { workspaceId: string }) {
  const pathname = usePathname();
  return (
    <Group component="nav" aria-label="Workspace sections" gap={4}>
      {SECTIONS.map((s) => {
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
