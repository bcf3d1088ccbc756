import {
  convertCssVariables,
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  em,
  type MantineTheme,
  mergeMantineTheme,
  px,
} from "@mantine/core";
import { theme } from "./theme";

// What Mantine's provider would write into <style> elements at run time (its CSS variables for our
// theme, minus the defaults styles.css already has, and the hiddenFrom/visibleFrom classes),
// computed once: app/theme-css.generated.ts, which the root layout writes into the page.
// `theme-css.test.ts` checks that file against the theme (and rewrites it with UPDATE_THEME_CSS=1).

function cssVariables(merged: MantineTheme): string {
  const defaults = defaultCssVariablesResolver(DEFAULT_THEME);
  const ours = defaultCssVariablesResolver(merged);
  const changed = (all: Record<string, string>, base: Record<string, string>) =>
    Object.fromEntries(Object.entries(all).filter(([key, value]) => base[key] !== value));
  return convertCssVariables(
    {
      variables: changed(ours.variables, defaults.variables),
      light: changed(ours.light, defaults.light),
      dark: changed(ours.dark, defaults.dark),
    },
    ":root",
  );
}

function responsiveClasses(merged: MantineTheme): string {
  return Object.entries(merged.breakpoints)
    .map(([name, value]) => {
      const isPx = value.includes("px");
      const width = px(value) as number;
      const below = isPx ? `${width - 0.1}px` : em(width - 0.1);
      const from = isPx ? `${width}px` : em(width);
      return (
        `@media (max-width: ${below}) {.mantine-visible-from-${name} {display: none !important;}}\n` +
        `@media (min-width: ${from}) {.mantine-hidden-from-${name} {display: none !important;}}`
      );
    })
    .join("\n");
}

export function themeCss(): string {
  const merged = mergeMantineTheme(DEFAULT_THEME, theme);
  return `${cssVariables(merged)}\n${responsiveClasses(merged)}`;
}
