"use client";

import { Button, Group, Text } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { loadAuthClient } from "~/lib/auth-client";
import { notifyError } from "~/lib/notify";
import { sessionChanged } from "~/lib/session-cache";

export type SignedInUser = { name: string; email: string | null };

/** Who is signed in, and sign-out. */
export function UserMenu({ user }: { user: SignedInUser | null | undefined }) {
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      const authClient = await loadAuthClient();
      const result = await authClient.signOut();
      if (result.error) throw new Error(result.error.message ?? "Sign-out failed");
      sessionChanged();
      router.replace("/sign-in");
      router.refresh();
    } catch (error) {
      notifyError(error, "Could not sign out");
      setSigningOut(false);
    }
  };

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
