import type { ReactNode } from "react";
import classes from "./EmptyView.module.css";

/**
 * What a view shows when it has nothing to list: a title, why, and what to do. `heading` makes the
 * title the page's heading, where the empty state is all the page has (not found, no access).
 */
export function EmptyView({
  title,
  description,
  action,
  heading = false,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  heading?: boolean;
}) {
  const Title = heading ? "h1" : "p";
  return (
    <div className={classes.root}>
      <Title className={classes.title}>{title}</Title>
      {description && <p className={classes.description}>{description}</p>}
      {action && <div className={classes.actions}>{action}</div>}
    </div>
  );
}
