"use client";

import type { RouterOutputs } from "@booking/api";
import { createContext, useContext } from "react";

export type Workspace = RouterOutputs["workspaces"]["list"][number];

export type WorkspaceContextValue = {
  workspace: Workspace;
  /** ADMIN of this workspace or a platform admin: may run actions such as replay and reconcile. */
  isAdmin: boolean;
};

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export const WorkspaceProvider = WorkspaceContext.Provider;

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace() outside <WorkspaceShell>");
  return value;
}
