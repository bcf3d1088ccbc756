import { createTheme } from "@mantine/core";

// System fonts only (no network fonts). Darker primary shade and autoContrast keep text on
// filled controls above WCAG AA contrast.
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 7, dark: 5 },
  autoContrast: true,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  defaultRadius: "md",
  focusRing: "auto",
  components: {
    Badge: { defaultProps: { radius: "sm" } },
    Card: { defaultProps: { withBorder: true, radius: "md", padding: "lg" } },
  },
});
