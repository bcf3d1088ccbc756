"use client";

import { Button, Group, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { notifyError } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";

/** Who is signed in, and sign-out. */
export function UserMenu() {
  const trpc = useTRPC();
  const me = useQuery(trpc.session.me.queryOptions());
  const router = useRouter();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      // Loaded on demand: the auth client is not needed to render the app.
      const { authClient } = await import("~/lib/auth-client");
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
  return (
    <Group gap="sm" wrap="nowrap" data-testid="user-menu">
      {user && (
        <Text size="sm" visibleFrom="sm" maw={220} truncate="end" title={user.email ?? undefined}>
          {user.name || user.email}
        </Text>
      )}
      <Button variant="default" size="compact-sm" onClick={signOut} loading={signingOut}>
        Sign out
      </Button>
    </Group>
  );
}
