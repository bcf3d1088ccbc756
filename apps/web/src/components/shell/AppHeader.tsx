"use client";

import { Box, Container, Group, Text } from "@mantine/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "./UserMenu";

export function AppHeader({ switcher, nav }: { switcher?: ReactNode; nav?: ReactNode }) {
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
          <UserMenu />
        </Group>
        {nav && <Box mt="xs">{nav}</Box>}
      </Container>
    </Box>
  );
}
