"use client";

import dynamic from "next/dynamic";

// The notifications container is only needed once something is announced: loaded after the page.
const Notifications = dynamic(() => import("@mantine/notifications").then((m) => m.Notifications), { ssr: false });

export function LazyNotifications() {
  return <Notifications position="bottom-right" />;
}
