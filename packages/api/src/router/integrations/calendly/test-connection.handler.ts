import type { Context } from "../../../context.ts";
import { testCalendlyConnection } from "../../../services/calendly/index.ts";
import { calendlyDeps } from "./deps.ts";

export function testConnectionHandler({ ctx, input }: { ctx: Context; input: { workspaceId: string } }) {
  return testCalendlyConnection(calendlyDeps(ctx), input.workspaceId);
}
