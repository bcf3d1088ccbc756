export { createWorkspace, type CreatedWorkspace } from "./create-workspace.ts";
export { createWorkspaceInput, type CreateWorkspaceInput, type CreateWorkspaceParsed } from "./create-workspace.schema.ts";
export { listWorkspaces, type WorkspaceSummary } from "./list-workspaces.ts";
