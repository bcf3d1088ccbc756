import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./globals.css";

import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { LazyNotifications } from "~/components/shell/LazyNotifications";
import { ThemeProvider } from "~/components/shell/ThemeProvider";
import { THEME_CSS } from "./theme-css.generated";

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
        <ColorSchemeScript defaultColorScheme="light" forceColorScheme="light" nonce={nonce} />
        {/* Mantine's CSS variables for our theme (src/theme-css.ts), as MantineProvider would write them. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant generated from our own theme, not user input */}
        <style data-mantine-styles="true" nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_CSS }} />
      </head>
      <body>
        <ThemeProvider>
          <LazyNotifications />
          {children}
        </ThemeProvider>
      </body>
    </html>
  );
}
