"use client";

import { Button, Card, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { formatDateTime } from "~/lib/format";
import { ConfirmButton } from "../states/ConfirmButton";
import { Notice } from "../states/Notice";
import { Segmented } from "../states/Segmented";
import type { LeadDetails } from "./types";
import { type LinkKind, useLeadActions } from "./use-lead-actions";

type Actions = ReturnType<typeof useLeadActions>;

function linkDescription(calendly: boolean, kind: LinkKind): string {
  if (!calendly) return "The workspace's GoHighLevel booking link, with the lead's name and email filled in.";
  return kind === "single"
    ? "A Calendly link made for this lead alone; it works for one booking and is reused until the lead books."
    : "The workspace's Calendly event type link, with the lead's name and email filled in.";
}

function SingleUseLinkState({ link }: { link: NonNullable<LeadDetails["singleUseLink"]> }) {
  return (
    <Text size="xs" c="dimmed" data-testid="single-use-link-state">
      {link.url
        ? link.reusable
          ? `Link made ${formatDateTime(link.createdAt)}; it will be sent again.`
          : `The link made ${formatDateTime(link.createdAt)} was used: a new one will be made.`
        : "A link is being made."}
    </Text>
  );
}

function SendLink({ lead, actions }: { lead: LeadDetails; actions: Actions }) {
  const { calendly, kind, copying } = actions;
  return (
    <>
      <Title order={2} size="h4" id="lead-actions-title">
        Send the booking link
      </Title>
      {calendly && (
        <Segmented<LinkKind>
          label="Link to send"
          value={kind}
          onChange={actions.setKind}
          options={[
            { value: "single", label: "Single-use link" },
            { value: "shared", label: "Event type link" },
          ]}
        />
      )}
      <Text size="sm" c="dimmed">
        {linkDescription(calendly, kind)}
      </Text>
      {calendly && kind === "single" && lead.singleUseLink && <SingleUseLinkState link={lead.singleUseLink} />}
      <Group gap="sm" grow>
        <Button
          variant="default"
          loading={copying === "link"}
          disabled={copying !== null}
          onClick={() => actions.copy("link")}
        >
          Copy link
        </Button>
        <Button loading={copying === "message"} disabled={copying !== null} onClick={() => actions.copy("message")}>
          Copy message
        </Button>
      </Group>
      {actions.linkError && (
        <Notice color="red" title="No link to send" role="alert">
          {actions.linkError}
        </Notice>
      )}
      {actions.lastCopied && (
        <Text
          size="sm"
          p="xs"
          bg="var(--mantine-color-gray-0)"
          style={{ borderRadius: 4, overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
          data-testid="copied-text"
          aria-label="Last copied text"
        >
          {actions.lastCopied}
        </Text>
      )}
    </>
  );
}

function NoShow({ lead, actions }: { lead: LeadDetails; actions: Actions }) {
  if (!lead.hasCalendlyInvitee)
    return (
      <Text size="sm" c="dimmed">
        Only a meeting booked through Calendly can be marked as a no-show.
      </Text>
    );
  if (!actions.canWork)
    return (
      <Text size="sm" c="dimmed">
        Setters and admins mark no-shows.
      </Text>
    );
  if (lead.appointmentStatus === "NO_SHOW")
    return (
      <Stack gap="xs">
        <Text size="sm">The lead did not show up. Undo it if that was a mistake; Calendly is updated too.</Text>
        <Button
          variant="default"
          loading={actions.unmarkNoShow.pending}
          onClick={actions.unmarkNoShow.run}
          data-testid="unmark-no-show"
        >
          Undo no-show
        </Button>
      </Stack>
    );
  if (lead.appointmentStatus === "BOOKED")
    return (
      <ConfirmButton
        size="sm"
        label="Mark as no-show"
        confirmLabel="Mark no-show"
        question={`Mark ${lead.name} as a no-show? Calendly is updated too.`}
        pending={actions.markNoShow.pending}
        onConfirm={actions.markNoShow.run}
      />
    );
  return (
    <Text size="sm" c="dimmed">
      Only a booked meeting can be marked as a no-show.
    </Text>
  );
}

/** Sending the link (copy it, or copy the workspace's message with it) and the no-show, both ways. */
export function LeadActions({ lead }: { lead: LeadDetails }) {
  const actions = useLeadActions(lead);
  return (
    <Card component="section" aria-labelledby="lead-actions-title" data-testid="lead-actions">
      <Stack gap="md">
        <SendLink lead={lead} actions={actions} />
        <Divider />
        <Title order={2} size="h4">
          No-show
        </Title>
        <NoShow lead={lead} actions={actions} />
      </Stack>
    </Card>
  );
}
