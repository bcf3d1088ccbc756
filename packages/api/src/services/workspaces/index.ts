export {
  type CreateWorkspaceInput,
  type CreateWorkspaceParsed,
  createWorkspaceInput,
} from "./create-workspace.schema.ts";
export { type CreatedWorkspace, createWorkspace } from "./create-workspace.ts";
export { listWorkspaces, type WorkspaceSummary } from "./list-workspaces.ts";
