"use client";

import { MantineContext, MantineThemeProvider } from "@mantine/core";
import type { ReactNode } from "react";
import { theme } from "~/theme";

// What MantineProvider gives components (the theme and its context), without what it computes in
// the browser: its CSS variables and responsive classes come from app/theme-css.generated.ts, written
// into the page by the root layout, and the color scheme is always light (as the app has no switch).
type MantineContextValue = NonNullable<React.ContextType<typeof MantineContext>>;

const context: MantineContextValue = {
  colorScheme: "light",
  setColorScheme: () => undefined,
  clearColorScheme: () => undefined,
  getRootElement: () => document.documentElement,
  classNamesPrefix: "mantine",
  cssVariablesSelector: ":root",
  withStaticClasses: true,
};

export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <MantineContext value={context}>
      <MantineThemeProvider theme={theme}>{children}</MantineThemeProvider>
    </MantineContext>
  );
}
