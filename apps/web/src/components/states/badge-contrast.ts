import type { CSSProperties } from "react";

/** Light badges keep their tinted background but use the color's darkest shade for the text (WCAG AA). */
export function darkText(color: string): CSSProperties {
  return { color: `var(--mantine-color-${color}-9)` };
}
