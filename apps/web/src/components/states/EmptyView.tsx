import type { ReactNode } from "react";
import classes from "./EmptyView.module.css";

/** What a view shows when it has nothing to list: a title, why, and what to do. */
export function EmptyView({
  title,
  description,
  action,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={classes.root}>
      <p className={classes.title}>{title}</p>
      {description && <p className={classes.description}>{description}</p>}
      {action && <div className={classes.actions}>{action}</div>}
    </div>
  );
}
