"use client";

import { Avatar, Menu, Text, UnstyledButton, Group } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "~/lib/auth-client";
import { notifyError } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";

function initials(name: string | null | undefined, email: string | null): string {
  const source = name?.trim() || email || "?";
  const parts = source.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export function UserMenu() {
  const trpc = useTRPC();
  const me = useQuery(trpc.session.me.queryOptions());
  const router = useRouter();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      const result = await authClient.signOut();
      if (result.error) throw new Error(result.error.message ?? "Sign-out failed");
      queryClient.clear();
      router.replace("/sign-in");
      router.refresh();
    } catch (error) {
      notifyError(error, "Could not sign out");
      setSigningOut(false);
    }
  };

  const user = me.data;
  const label = user ? user.name || user.email || "Account" : "Account";
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${label}`} data-testid="user-menu" style={{ borderRadius: 999 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>
              {user ? initials(user.name, user.email) : ""}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate="end">
              {label}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {user && (
          <Menu.Label>
            <Text size="xs" c="dimmed" truncate="end">Signed in as {user.email ?? user.name}</Text>
            {user.isPlatformAdmin && <Text size="xs" c="dimmed">Platform admin</Text>}
          </Menu.Label>
        )}
        <Menu.Item onClick={signOut} disabled={signingOut} color="red">
          {signingOut ? "Signing out…" : "Sign out"}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
