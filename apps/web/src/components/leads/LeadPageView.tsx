"use client";

import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import Link from "next/link";
import { errorCode } from "~/lib/errors";
import { formatDateTime } from "~/lib/format";
import { useWorkspace } from "../shell/workspace-context";
import { Columns } from "../states/Columns";
import { EmptyView } from "../states/EmptyView";
import { ErrorState } from "../states/ErrorState";
import { LoadingState } from "../states/LoadingState";
import { LeadActions } from "./LeadActions";
import { AnswersCard, AppointmentCard, AttributionCard } from "./LeadCards";
import { LeadStatusBadge } from "./LeadStatusBadge";
import { LeadTimeline } from "./LeadTimeline";
import { leadsHref } from "./links";
import { useLead, useLeadTimeline } from "./use-lead";

function TimelineCard({ leadId }: { leadId: string }) {
  const timeline = useLeadTimeline(leadId);
  return (
    <Card component="section" aria-labelledby="timeline-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="timeline-title">
            Timeline
          </Title>
          <Text size="sm" c="dimmed">
            Every Calendly event about this lead, oldest first, and what it changed.
          </Text>
        </div>
        {timeline.isPending ? (
          <LoadingState label="Loading the timeline" rows={3} height={48} />
        ) : timeline.isError ? (
          <ErrorState title="Could not load the timeline" error={timeline.error} onRetry={() => timeline.refetch()} />
        ) : timeline.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="timeline-empty">
            No Calendly events for this lead yet.
          </Text>
        ) : (
          <LeadTimeline entries={timeline.data.items} />
        )}
      </Stack>
    </Card>
  );
}

export function LeadPageView({ leadId }: { leadId: string }) {
  const { workspace } = useWorkspace();
  const lead = useLead(leadId);
  const back = (
    <Anchor component={Link} href={leadsHref(workspace.id)} size="sm">
      ← All leads
    </Anchor>
  );

  if (lead.isPending) {
    return (
      <Stack gap="lg">
        {back}
        <LoadingState label="Loading the lead" rows={6} height={40} />
      </Stack>
    );
  }
  if (lead.isError) {
    return (
      <Stack gap="lg">
        {back}
        {errorCode(lead.error) === "NOT_FOUND" ? (
          <Card>
            <EmptyView
              heading
              title="Lead not found"
              description="It does not exist, or it belongs to another workspace."
              action={back}
            />
          </Card>
        ) : (
          <ErrorState title="Could not load the lead" error={lead.error} onRetry={() => lead.refetch()} />
        )}
      </Stack>
    );
  }

  const l = lead.data;
  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {l.name}
          </Title>
          <Text c="dimmed" size="sm">
            {l.email}
            {l.phone ? ` · ${l.phone}` : ""} · added {formatDateTime(l.createdAt)}
          </Text>
        </div>
        <LeadStatusBadge status={l.appointmentStatus} />
      </Group>
      <Columns start={7} end={5}>
        <Stack gap="md">
          <AppointmentCard lead={l} />
          <AnswersCard lead={l} />
          <AttributionCard lead={l} />
        </Stack>
        <LeadActions lead={l} />
      </Columns>
      <TimelineCard leadId={l.id} />
    </Stack>
  );
}
