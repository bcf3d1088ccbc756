import { Anchor, Table, Text } from "@mantine/core";
import Link from "next/link";
import { formatDateTime } from "~/lib/format";
import { CopyBookingLinkButton } from "./CopyBookingLinkButton";
import { LeadStatusBadge } from "./LeadStatusBadge";
import { leadHref } from "./links";
import type { LeadListItem } from "./types";

const SOURCE_LABEL: Record<string, string> = {
  MANUAL: "Manual",
  ADMIN_API: "Admin API",
  CALENDLY: "Calendly",
  GHL: "GHL",
};

export function LeadsTable({ workspaceId, leads }: { workspaceId: string; leads: LeadListItem[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Leads" data-testid="leads-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Appointment</Table.Th>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Host</Table.Th>
            <Table.Th scope="col">Source</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <Table.Tr key={lead.id} data-testid="lead-row">
              <Table.Td>
                <Anchor component={Link} href={leadHref(workspaceId, lead.id)} size="sm" fw={500}>
                  {lead.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{lead.email}</Text>
              </Table.Td>
              <Table.Td>
                <LeadStatusBadge status={lead.appointmentStatus} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {lead.appointmentStartAt ? formatDateTime(lead.appointmentStartAt) : "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                {lead.appointmentHostName || lead.appointmentHostEmail ? (
                  <Text size="sm" title={lead.appointmentHostEmail ?? undefined}>
                    {lead.appointmentHostName ?? lead.appointmentHostEmail}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{SOURCE_LABEL[lead.source] ?? lead.source}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <CopyBookingLinkButton leadId={lead.id} leadName={lead.name} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
