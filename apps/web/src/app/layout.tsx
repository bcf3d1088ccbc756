import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./globals.css";

import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from "@mantine/core";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { LazyNotifications } from "~/components/shell/LazyNotifications";
import { theme } from "~/theme";

export const metadata: Metadata = {
  title: { default: "Meeting booking", template: "%s · Meeting booking" },
  description: "Workspace meeting booking: GHL or Calendly",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request CSP nonce (src/proxy.ts); reading it renders every page per request.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <LazyNotifications />
          {children}
        </MantineProvider>
      </body>
    </html>
  );
}
