import type { CSSProperties, ReactNode } from "react";
import classes from "./DataTable.module.css";

/**
 * A table of rows (write `<thead>`/`<tbody>` and `<th scope="col">` inside), scrolling sideways
 * below `minWidth`. Styled like Mantine's Table but plain markup, so it costs no JavaScript.
 */
export function DataTable({
  label,
  minWidth,
  highlightOnHover = false,
  testId,
  children,
}: {
  label: string;
  minWidth?: number;
  highlightOnHover?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const table = (
    <table
      aria-label={label}
      data-testid={testId}
      className={highlightOnHover ? `${classes.table} ${classes.hover}` : classes.table}
      style={minWidth ? ({ "--data-table-min-width": `${minWidth}px` } as CSSProperties) : undefined}
    >
      {children}
    </table>
  );
  return minWidth ? <div className={classes.scroll}>{table}</div> : table;
}

/** Class of a cell whose content sits at the end of the row (actions). */
export const endCell = classes.end;
