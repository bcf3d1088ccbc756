import type { Metadata } from "next";
import { EmptyView } from "~/components/states/EmptyView";
import classes from "./not-found.module.css";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Any address the app does not have. Plain markup on purpose: client components here would be
 * bundled next to every page's own copy of them (the root not-found boundary is in every page).
 */
export default function NotFound() {
  return (
    <div className={classes.page}>
      <main id="main" className={classes.main}>
        <EmptyView
          heading
          title="Page not found"
          description="This page could not be found. The link may be old or mistyped."
          action={
            <a href="/" className={classes.link}>
              Go to your workspaces
            </a>
          }
        />
      </main>
    </div>
  );
}
