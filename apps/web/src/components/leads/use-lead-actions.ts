"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "~/lib/errors";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { useWorkspace } from "../shell/workspace-context";
import type { LeadDetails } from "./types";

export type LinkKind = "single" | "shared";

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** What can be done on a lead's page: copy its booking link (or the message with it), mark or unmark a no-show. */
export function useLeadActions(lead: LeadDetails) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { workspace, isAdmin } = useWorkspace();
  const calendly = workspace.provider === "CALENDLY";
  const [kind, setKind] = useState<LinkKind>(calendly ? "single" : "shared");
  const [copying, setCopying] = useState<"link" | "message" | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [lastCopied, setLastCopied] = useState<string | null>(null);

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

  return {
    calendly,
    kind,
    setKind,
    copying,
    copy,
    linkError,
    lastCopied,
    /** Setters and admins work leads; inbox managers only look. */
    canWork: isAdmin || workspace.roles.includes("SETTER"),
    markNoShow: { run: () => mark.mutate({ leadId: lead.id }), pending: mark.isPending },
    unmarkNoShow: { run: () => unmark.mutate({ leadId: lead.id }), pending: unmark.isPending },
  };
}
