import { Box, Container, Group, Text } from "@mantine/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { type SignedInUser, UserMenu } from "./UserMenu";

/** The top bar of every signed-in page (rendered on the server for `/`, by the workspace shell elsewhere). */
export function AppHeader({
  user,
  switcher,
  nav,
}: {
  user: SignedInUser | null | undefined;
  switcher?: ReactNode;
  nav?: ReactNode;
}) {
  return (
    <Box
      component="header"
      bg="var(--mantine-color-body)"
      style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Container size="xl" py="sm">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Group gap="md" wrap="nowrap">
            <Text
              component={Link}
              href="/"
              fw={700}
              size="lg"
              c="var(--mantine-color-text)"
              style={{ textDecoration: "none", whiteSpace: "nowrap" }}
            >
              Meeting booking
            </Text>
            {switcher}
          </Group>
          <UserMenu user={user} />
        </Group>
        {nav && <Box mt="xs">{nav}</Box>}
      </Container>
    </Box>
  );
}
