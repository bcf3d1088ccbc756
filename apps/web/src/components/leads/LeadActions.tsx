"use client";

import { Alert, Button, Card, Divider, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/format";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { useWorkspace } from "../shell/workspace-context";
import { ConfirmButton } from "../states/ConfirmButton";
import type { LeadDetails } from "./types";

type LinkKind = "single" | "shared";

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Sending the link (copy it, or copy the workspace's message with it) and the no-show, both ways. */
export function LeadActions({ lead }: { lead: LeadDetails }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { workspace, isAdmin } = useWorkspace();
  const calendly = workspace.provider === "CALENDLY";
  const [kind, setKind] = useState<LinkKind>(calendly ? "single" : "shared");
  const [copying, setCopying] = useState<"link" | "message" | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [lastCopied, setLastCopied] = useState<string | null>(null);
  const canWork = isAdmin || workspace.roles.includes("SETTER");

  const refresh = (details?: LeadDetails) => {
    if (details) queryClient.setQueryData(trpc.leads.get.queryKey({ leadId: lead.id }), details);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey({ leadId: lead.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.leads.timeline.queryKey({ leadId: lead.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.leads.list.pathKey() }),
    ]);
  };

  const copy = async (what: "link" | "message") => {
    setCopying(what);
    setLinkError(null);
    const singleUse = calendly && kind === "single";
    try {
      const link = await queryClient.fetchQuery({
        ...trpc.leads.bookingLink.queryOptions({ leadId: lead.id, ...(singleUse ? { singleUse: true } : {}) }),
        staleTime: 0,
        retry: false,
      });
      const text = what === "link" ? link.url : link.message;
      setLastCopied(text);
      if (await writeClipboard(text)) {
        notifySuccess(
          what === "link"
            ? `${singleUse ? "Single-use link" : "Booking link"} for ${lead.name} copied.`
            : `Message for ${lead.name} copied, with its ${singleUse ? "single-use " : ""}link.`,
          what === "link" ? "Link copied" : "Message copied",
        );
      } else {
        notifySuccess("Your browser blocked the clipboard: copy it from the box below.", "Copy it by hand");
      }
      if (singleUse) void refresh();
    } catch (error) {
      setLinkError(errorMessage(error));
      notifyError(error, "No link to send");
    } finally {
      setCopying(null);
    }
  };

  const mark = useMutation(
    trpc.leads.markNoShow.mutationOptions({
      onSuccess: async (details) => {
        notifySuccess(`${lead.name} is marked as a no-show, here and in Calendly.`, "No-show recorded");
        await refresh(details);
      },
      onError: (error) => notifyError(error, "No-show not recorded"),
    }),
  );
  const unmark = useMutation(
    trpc.leads.unmarkNoShow.mutationOptions({
      onSuccess: async (details) => {
        notifySuccess(`${lead.name} is no longer a no-show, here and in Calendly.`, "No-show removed");
        await refresh(details);
      },
      onError: (error) => notifyError(error, "No-show not removed"),
    }),
  );

  const link = lead.singleUseLink;
  return (
    <Card component="section" aria-labelledby="lead-actions-title" data-testid="lead-actions">
      <Stack gap="md">
        <Title order={2} size="h4" id="lead-actions-title">
          Send the booking link
        </Title>
        {calendly && (
          <SegmentedControl
            aria-label="Link to send"
            value={kind}
            onChange={(v) => setKind(v as LinkKind)}
            data={[
              { value: "single", label: "Single-use link" },
              { value: "shared", label: "Event type link" },
            ]}
            fullWidth
          />
        )}
        <Text size="sm" c="dimmed">
          {calendly
            ? kind === "single"
              ? "A Calendly link made for this lead alone; it works for one booking and is reused until the lead books."
              : "The workspace's Calendly event type link, with the lead's name and email filled in."
            : "The workspace's GoHighLevel booking link, with the lead's name and email filled in."}
        </Text>
        {calendly && kind === "single" && link && (
          <Text size="xs" c="dimmed" data-testid="single-use-link-state">
            {link.url
              ? link.reusable
                ? `Link made ${formatDateTime(link.createdAt)}; it will be sent again.`
                : `The link made ${formatDateTime(link.createdAt)} was used: a new one will be made.`
              : "A link is being made."}
          </Text>
        )}
        <Group gap="sm" grow>
          <Button
            variant="default"
            loading={copying === "link"}
            disabled={copying !== null}
            onClick={() => copy("link")}
          >
            Copy link
          </Button>
          <Button loading={copying === "message"} disabled={copying !== null} onClick={() => copy("message")}>
            Copy message
          </Button>
        </Group>
        {linkError && (
          <Alert color="red" variant="light" title="No link to send" role="alert">
            {linkError}
          </Alert>
        )}
        {lastCopied && (
          <Text
            size="sm"
            p="xs"
            bg="var(--mantine-color-gray-0)"
            style={{ borderRadius: 4, overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
            data-testid="copied-text"
            aria-label="Last copied text"
          >
            {lastCopied}
          </Text>
        )}

        <Divider />
        <Title order={2} size="h4">
          No-show
        </Title>
        {!lead.hasCalendlyInvitee ? (
          <Text size="sm" c="dimmed">
            Only a meeting booked through Calendly can be marked as a no-show.
          </Text>
        ) : !canWork ? (
          <Text size="sm" c="dimmed">
            Setters and admins mark no-shows.
          </Text>
        ) : lead.appointmentStatus === "NO_SHOW" ? (
          <Stack gap="xs">
            <Text size="sm">The lead did not show up. Undo it if that was a mistake; Calendly is updated too.</Text>
            <Button
              variant="default"
              loading={unmark.isPending}
              onClick={() => unmark.mutate({ leadId: lead.id })}
              data-testid="unmark-no-show"
            >
              Undo no-show
            </Button>
          </Stack>
        ) : lead.appointmentStatus === "BOOKED" ? (
          <ConfirmButton
            size="sm"
            label="Mark as no-show"
            confirmLabel="Mark no-show"
            question={`Mark ${lead.name} as a no-show? Calendly is updated too.`}
            pending={mark.isPending}
            onConfirm={() => mark.mutate({ leadId: lead.id })}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Only a booked meeting can be marked as a no-show.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
