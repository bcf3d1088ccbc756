import type { Context } from "../../../context.ts";
import {
  calendlySubscriptionHealth,
  ensureCalendlySubscription,
  removeCalendlySubscription,
} from "../../../services/calendly/index.ts";
import { calendlyDeps } from "./deps.ts";

type Args = { ctx: Context; input: { workspaceId: string } };

export const ensureSubscriptionHandler = ({ ctx, input }: Args) =>
  ensureCalendlySubscription(calendlyDeps(ctx), input.workspaceId);
export const removeSubscriptionHandler = ({ ctx, input }: Args) =>
  removeCalendlySubscription(calendlyDeps(ctx), input.workspaceId);
export const healthHandler = ({ ctx, input }: Args) => calendlySubscriptionHealth(calendlyDeps(ctx), input.workspaceId);
