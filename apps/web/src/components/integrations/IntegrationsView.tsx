"use client";

import { Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { useTRPC } from "~/trpc/react";
import { useWorkspace } from "../shell/workspace-context";
import { Columns } from "../states/Columns";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { Notice } from "../states/Notice";

// The cards render only once both queries have answered, so their code is fetched in parallel
// with the data instead of being part of the page's first-load JavaScript.
const cardLoading = () => <LoadingState label="Loading" rows={4} height={44} />;
const MeetingBookingCard = dynamic(() => import("./MeetingBookingCard").then((m) => m.MeetingBookingCard), {
  loading: cardLoading,
});
const CalendlyCard = dynamic(() => import("./CalendlyCard").then((m) => m.CalendlyCard), { loading: cardLoading });
const MessageTemplateCard = dynamic(() => import("./MessageTemplateCard").then((m) => m.MessageTemplateCard), {
  loading: cardLoading,
});

export function IntegrationsView() {
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions({ workspaceId: workspace.id }));
  const calendly = useQuery(trpc.integrations.calendly.get.queryOptions({ workspaceId: workspace.id }));

  let body: ReactNode;
  if (settings.isPending || calendly.isPending) {
    body = (
      <Columns start={5} end={7}>
        <LoadingState label="Loading meeting booking" rows={4} height={44} />
        <LoadingState label="Loading Calendly" rows={6} height={44} />
      </Columns>
    );
  } else if (settings.isError || calendly.isError) {
    const error = settings.error ?? calendly.error;
    body = (
      <ErrorState
        title="Could not load the integrations"
        error={error}
        onRetry={() => void Promise.all([settings.refetch(), calendly.refetch()])}
      />
    );
  } else {
    const readOnly = !settings.data.canEdit;
    body = (
      <Stack gap="md">
        {readOnly && (
          <Notice color="blue" title="Read-only" testId="read-only-notice">
            Only workspace admins can change integrations. You can see how this workspace books meetings.
          </Notice>
        )}
        <Columns start={5} end={7}>
          <MeetingBookingCard workspaceId={workspace.id} settings={settings.data} calendly={calendly.data} />
          <CalendlyCard workspaceId={workspace.id} calendly={calendly.data} />
          <MessageTemplateCard workspaceId={workspace.id} settings={settings.data} />
        </Columns>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Settings
        </Title>
        <Text c="dimmed" size="sm">
          How {workspace.name} books meetings and receives Calendly events.
        </Text>
      </div>
      <section aria-labelledby="integrations-title">
        <Title order={2} size="h3" id="integrations-title" mb="md">
          Integrations
        </Title>
        {body}
      </section>
    </Stack>
  );
}
