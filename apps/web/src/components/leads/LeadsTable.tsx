import { Anchor, Text } from "@mantine/core";
import Link from "next/link";
import { formatDateTime } from "~/lib/format";
import { DataTable, endCell } from "../states/DataTable";
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
    <DataTable label="Leads" testId="leads-table" minWidth={900} highlightOnHover>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Appointment</th>
          <th scope="col">Time</th>
          <th scope="col">Host</th>
          <th scope="col">Source</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead) => (
          <tr key={lead.id} data-testid="lead-row">
            <td>
              <Anchor component={Link} href={leadHref(workspaceId, lead.id)} size="sm" fw={500}>
                {lead.name}
              </Anchor>
            </td>
            <td>
              <Text size="sm">{lead.email}</Text>
            </td>
            <td>
              <LeadStatusBadge status={lead.appointmentStatus} />
            </td>
            <td>
              <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                {lead.appointmentStartAt ? formatDateTime(lead.appointmentStartAt) : "—"}
              </Text>
            </td>
            <td>
              {lead.appointmentHostName || lead.appointmentHostEmail ? (
                <Text size="sm" title={lead.appointmentHostEmail ?? undefined}>
                  {lead.appointmentHostName ?? lead.appointmentHostEmail}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </td>
            <td>
              <Text size="sm">{SOURCE_LABEL[lead.source] ?? lead.source}</Text>
            </td>
            <td className={endCell}>
              <CopyBookingLinkButton leadId={lead.id} leadName={lead.name} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
