import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { formatDateTime } from "~/lib/format";
import { DetailList } from "../states/DetailList";
import { LeadStatusBadge } from "./LeadStatusBadge";
import { LOCATION_LABEL } from "./labels";
import type { LeadDetails } from "./types";

// The lead page's cards: what the lead's appointment is, what it answered, where it came from.

const ROLE_LABEL: Record<string, string> = { ADMIN: "Admin", SETTER: "Setter", INBOX_MANAGER: "Inbox manager" };

const external = (href: string, label: ReactNode = href) => (
  <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
    {label}
  </Anchor>
);

function when(lead: LeadDetails): ReactNode {
  if (!lead.appointmentStartAt) return "—";
  const end = lead.appointmentEndAt ? ` – ${formatDateTime(lead.appointmentEndAt)}` : "";
  return `${formatDateTime(lead.appointmentStartAt)}${end}`;
}

function location(lead: LeadDetails): ReactNode {
  const type = lead.appointmentLocationType
    ? (LOCATION_LABEL[lead.appointmentLocationType] ?? lead.appointmentLocationType.replaceAll("_", " "))
    : null;
  if (!type && !lead.appointmentLocation && !lead.appointmentJoinUrl) return null;
  return (
    <Stack gap={2}>
      {type && <span>{type}</span>}
      {lead.appointmentLocation && <span>{lead.appointmentLocation}</span>}
      {lead.appointmentJoinUrl && external(lead.appointmentJoinUrl, "Join the meeting")}
    </Stack>
  );
}

function host(lead: LeadDetails): ReactNode {
  if (!lead.host) return null;
  const { name, email, member } = lead.host;
  return (
    <Stack gap={2}>
      <span>
        {name ?? email}
        {name && email ? ` · ${email}` : ""}
      </span>
      {member ? (
        <Group gap={4}>
          {member.roles.map((r) => (
            <Badge key={r} size="xs" variant="light" color="indigo">
              {ROLE_LABEL[r] ?? r}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed" component="span">
          Not a member of this workspace
        </Text>
      )}
    </Stack>
  );
}

const present = (items: Array<{ term: string; value: ReactNode; testId?: string }>) =>
  items.filter((i) => i.value !== null && i.value !== undefined && i.value !== "");

export function AppointmentCard({ lead }: { lead: LeadDetails }) {
  const canceled = lead.appointmentStatus === "CANCELED" || lead.appointmentStatus === "RESCHEDULED";
  const items = present([
    { term: "Status", value: <LeadStatusBadge status={lead.appointmentStatus} />, testId: "lead-status" },
    { term: "Event", value: lead.appointmentEventName, testId: "lead-event" },
    { term: "When", value: lead.appointmentStartAt ? when(lead) : null, testId: "lead-when" },
    { term: "Time zone", value: lead.appointmentTimezone },
    { term: "Location", value: location(lead), testId: "lead-location" },
    { term: "Host", value: host(lead), testId: "lead-host" },
    { term: "Booked", value: lead.appointmentBookedAt ? formatDateTime(lead.appointmentBookedAt) : null },
    {
      term: "Canceled",
      value: canceled && lead.appointmentCanceledAt ? formatDateTime(lead.appointmentCanceledAt) : null,
    },
    { term: "Cancel reason", value: canceled ? lead.appointmentCancelReason : null },
    {
      term: "Canceled by",
      value:
        canceled && (lead.appointmentCanceledBy || lead.appointmentCancelerType)
          ? [lead.appointmentCanceledBy, lead.appointmentCancelerType ? `(${lead.appointmentCancelerType})` : null]
              .filter(Boolean)
              .join(" ")
          : null,
    },
    {
      term: "No-show",
      value:
        lead.appointmentStatus === "NO_SHOW"
          ? lead.noShow.markedInCalendly
            ? "Yes, marked in Calendly"
            : "Yes"
          : null,
    },
    { term: "Text reminders", value: lead.appointmentTextReminderNumber },
    { term: "Reschedule", value: lead.appointmentRescheduleUrl ? external(lead.appointmentRescheduleUrl) : null },
    { term: "Cancel", value: lead.appointmentCancelUrl ? external(lead.appointmentCancelUrl) : null },
  ]);
  return (
    <Card component="section" aria-labelledby="appointment-title" data-testid="lead-appointment">
      <Stack gap="sm">
        <Title order={2} size="h4" id="appointment-title">
          Appointment
        </Title>
        {lead.appointmentStatus === "NONE" && !lead.appointmentStartAt ? (
          <Text size="sm" c="dimmed">
            No meeting booked yet. Send the lead its booking link.
          </Text>
        ) : (
          <DetailList items={items} />
        )}
      </Stack>
    </Card>
  );
}

export function AnswersCard({ lead }: { lead: LeadDetails }) {
  if (lead.answers.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="answers-title" data-testid="lead-answers">
      <Stack gap="sm">
        <Title order={2} size="h4" id="answers-title">
          Booking form
        </Title>
        <DetailList items={lead.answers.map((a) => ({ term: a.question, value: a.answer || "—" }))} />
      </Stack>
    </Card>
  );
}

export function AttributionCard({ lead }: { lead: LeadDetails }) {
  const items = present([
    { term: "Source", value: lead.utm.source },
    { term: "Medium", value: lead.utm.medium },
    { term: "Campaign", value: lead.utm.campaign },
    { term: "Content", value: lead.utm.content },
    { term: "Term", value: lead.utm.term },
  ]);
  if (items.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="attribution-title" data-testid="lead-attribution">
      <Stack gap="sm">
        <Title order={2} size="h4" id="attribution-title">
          Where the booking came from
        </Title>
        <DetailList items={items} />
      </Stack>
    </Card>
  );
}
