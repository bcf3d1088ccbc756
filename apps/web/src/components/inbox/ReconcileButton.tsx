"use client";

import { Button } from "@mantine/core";
import dynamic from "next/dynamic";
import { useState } from "react";

// The dialog (and Mantine's Modal) is loaded when the user reaches for the button.
const loadDialog = () => import("./ReconcileDialog");
const ReconcileDialog = dynamic(() => loadDialog().then((m) => m.ReconcileDialog), { ssr: false });

/** Imports bookings Calendly has but the inbox missed (e.g. while the subscription was disabled). */
export function ReconcileButton({ workspaceId, disabled }: { workspaceId: string; disabled?: boolean }) {
  // Mounted from the first opening on, so closing keeps Mantine's transition.
  const [state, setState] = useState<"never" | "open" | "closed">("never");
  const preload = () => void loadDialog().catch(() => undefined);
  return (
    <>
      <Button
        variant="default"
        onClick={() => setState("open")}
        onMouseEnter={preload}
        onFocus={preload}
        disabled={disabled}
      >
        Reconcile with Calendly
      </Button>
      {state !== "never" && (
        <ReconcileDialog workspaceId={workspaceId} opened={state === "open"} onClose={() => setState("closed")} />
      )}
    </>
  );
}
