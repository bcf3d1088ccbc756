import type { Context } from "../../../context.ts";
import { listCalendlyEventTypes } from "../../../services/calendly/index.ts";
import { calendlyDeps } from "./deps.ts";

export function eventTypesHandler({ ctx, input }: { ctx: Context; input: { workspaceId: string } }) {
  return listCalendlyEventTypes(calendlyDeps(ctx), input.workspaceId);
}
