export { createWorkspaceInput as createSchema } from "../../services/workspaces/index.ts";
