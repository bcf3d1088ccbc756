import { Anchor, Box, Container } from "@mantine/core";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyView } from "~/components/states/EmptyView";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the app does not have (rendered on the server: no JavaScript of its own). */
export default function NotFound() {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Container size="sm" py="xl" component="main" id="main">
        <EmptyView
          heading
          title="Page not found"
          description="This page could not be found. The link may be old or mistyped."
          action={
            <Anchor component={Link} href="/">
              Go to your workspaces
            </Anchor>
          }
        />
      </Container>
    </Box>
  );
}
