import { Box, Container } from "@mantine/core";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AppHeader } from "~/components/shell/AppHeader";
import { EmptyView } from "~/components/states/EmptyView";
import { ErrorState } from "~/components/states/ErrorState";
import { serverCaller } from "~/trpc/server";

export const metadata: Metadata = { title: "Your workspaces" };

type Home =
  | { kind: "signed-out" }
  | { kind: "workspace"; id: string }
  | { kind: "none" | "error"; user: { name: string; email: string | null } | null };

async function home(): Promise<Home> {
  const caller = await serverCaller();
  try {
    const [workspaces, me] = await Promise.all([caller.workspaces.list(), caller.session.me()]);
    const first = workspaces[0];
    return first ? { kind: "workspace", id: first.id } : { kind: "none", user: me };
  } catch (error) {
    if ((error as { code?: string }).code === "UNAUTHORIZED") return { kind: "signed-out" };
    console.error("home: could not list the workspaces", error);
    return { kind: "error", user: await caller.session.me().catch(() => null) };
  }
}

/** `/`: opens the first of the user's workspaces (a redirect from the server: no JavaScript to load first). */
export default async function HomePage() {
  const page = await home();
  if (page.kind === "signed-out") redirect("/sign-in");
  if (page.kind === "workspace") redirect(`/w/${encodeURIComponent(page.id)}/leads`);
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <AppHeader user={page.user} />
      <Container size="sm" py="xl" component="main" id="main">
        {page.kind === "error" ? (
          <ErrorState
            title="Could not load your workspaces"
            error="Something went wrong on our side. Try again."
            retryHref="/"
          />
        ) : (
          <EmptyView
            heading
            title="No workspace yet"
            description="Your account is not a member of any workspace. Ask a workspace admin to invite your email."
          />
        )}
      </Container>
    </Box>
  );
}
