import type { CSSProperties, ReactNode } from "react";
import classes from "./Notice.module.css";

/** A tinted box with an optional bold title, like Mantine's light Alert (role "alert" for errors). */
export function Notice({
  color,
  title,
  role,
  testId,
  children,
}: {
  color: "red" | "yellow" | "blue" | "green" | "orange";
  title?: ReactNode;
  role?: "alert" | "status";
  testId?: string;
  children: ReactNode;
}) {
  const style = {
    "--notice-bg": `var(--mantine-color-${color}-light)`,
    "--notice-color": `var(--mantine-color-${color}-light-color)`,
  } as CSSProperties;
  return (
    <div className={classes.root} style={style} role={role} data-testid={testId}>
      {title && <div className={classes.title}>{title}</div>}
      <div className={classes.message}>{children}</div>
    </div>
  );
}
