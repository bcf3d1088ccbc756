export type { Actor } from "./actor.ts";
export { authorizeWorkspace, type WorkspaceAccess } from "./authorize-workspace.ts";
