import type { CSSProperties, ReactNode } from "react";
import classes from "./Columns.module.css";

/**
 * Children side by side on wide screens, in two columns of `start` and `end` twelfths (they wrap
 * to the next row in order); stacked on narrow ones. Plain CSS grid: no JavaScript.
 */
export function Columns({ start, end, children }: { start: number; end: number; children: ReactNode }) {
  const style = { "--columns-start": `${start}fr`, "--columns-end": `${end}fr` } as CSSProperties;
  return (
    <div className={classes.columns} style={style}>
      {children}
    </div>
  );
}
