import { Center } from "@mantine/core";
import type { Metadata } from "next";
import { InviteAccept } from "~/components/auth/InviteAccept";
import { TRPCReactProvider } from "~/trpc/react";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <TRPCReactProvider>
        <InviteAccept token={decodeURIComponent(token)} />
      </TRPCReactProvider>
    </Center>
  );
}
