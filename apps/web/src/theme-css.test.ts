import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { THEME_CSS } from "./app/theme-css.generated";
import { themeCss } from "./theme-css";

const file = join(dirname(fileURLToPath(import.meta.url)), "app", "theme-css.generated.ts");

describe("app/theme-css.generated.ts (Mantine's CSS variables for our theme, computed once)", () => {
  it("is what the theme generates", () => {
    if (process.env.UPDATE_THEME_CSS === "1") {
      writeFileSync(
        file,
        "// Generated from src/theme.ts by src/theme-css.test.ts (UPDATE_THEME_CSS=1): do not edit.\n" +
          `export const THEME_CSS = ${JSON.stringify(themeCss())};\n`,
      );
    } else {
      expect(THEME_CSS).toBe(themeCss());
    }
  });
});
