"use client";

import { usePathname, useRouter } from "next/navigation";
import { SelectField } from "../states/Fields";
import classes from "./WorkspaceSwitcher.module.css";
import type { Workspace } from "./workspace-context";

/** Lists only the workspaces the API returns for this user (its own; all for platform admins). */
export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: Workspace[]; currentId: string }) {
  const router = useRouter();
  const pathname = usePathname();

  const onChange = (id: string) => {
    if (!id || id === currentId) return;
    // Keep the section (leads, inbox, settings/...) when switching.
    const prefix = `/w/${encodeURIComponent(currentId)}`;
    const section = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : "/leads";
    router.push(`/w/${encodeURIComponent(id)}${section || "/leads"}`);
  };

  return (
    <SelectField
      label="Workspace"
      hiddenLabel
      testId="workspace-switcher"
      className={classes.switcher}
      options={workspaces.map((w) => ({ value: w.id, label: w.name }))}
      value={currentId}
      onChange={onChange}
    />
  );
}
