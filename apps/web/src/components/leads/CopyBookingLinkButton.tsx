"use client";

import { Button } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";

/** Asks the API for the lead's booking link (provider-specific, prefilled) and copies it. */
export function CopyBookingLinkButton({ leadId, leadName }: { leadId: string; leadName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<"idle" | "loading" | "copied">("idle");

  const copy = async () => {
    setState("loading");
    try {
      const link = await queryClient.fetchQuery({ ...trpc.leads.bookingLink.queryOptions({ leadId }), staleTime: 0 });
      try {
        await navigator.clipboard.writeText(link.url);
        notifySuccess(
          `Booking link for ${leadName} copied (${link.provider === "CALENDLY" ? "Calendly" : "GHL"}).`,
          "Link copied",
        );
      } catch {
        // Clipboard blocked (permissions, insecure origin): show the link so it can be copied by hand.
        notifySuccess(link.url, "Copy this booking link");
      }
      setState("copied");
      setTimeout(() => setState("idle"), 2000);
    } catch (error) {
      notifyError(error, "No booking link");
      setState("idle");
    }
  };

  return (
    <Button
      size="compact-sm"
      variant={state === "copied" ? "light" : "default"}
      color={state === "copied" ? "green" : undefined}
      loading={state === "loading"}
      onClick={copy}
      aria-label={`Copy booking link for ${leadName}`}
    >
      {state === "copied" ? "Copied" : "Copy booking link"}
    </Button>
  );
}
