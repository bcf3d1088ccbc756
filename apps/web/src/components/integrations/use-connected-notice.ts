"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { notifySuccess } from "~/lib/notify";
import type { CalendlyIntegration } from "./types";

/** After "Connect with Calendly" (…/integrations?calendly=connected): say who is connected, once. */
export function useConnectedNotice(calendly: CalendlyIntegration) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const connected = params.get("calendly") === "connected";
  const name = calendly.connection.userName;
  useEffect(() => {
    if (!connected) return;
    notifySuccess(name ? `Connected to Calendly as ${name}.` : "Connected to Calendly.", "Calendly connected");
    router.replace(pathname, { scroll: false });
  }, [connected, name, pathname, router]);
}
