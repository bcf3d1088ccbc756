import type { Context } from "../../../context.ts";
import { prismaRunner } from "../../../lib/sql.ts";
import {
  calendlySubscriptionHealth,
  ensureCalendlySubscription,
  recentIntegrationEvents,
  removeCalendlySubscription,
} from "../../../services/calendly/index.ts";
import { calendlyDeps } from "./deps.ts";

type Args = { ctx: Context; input: { workspaceId: string } };

export const ensureSubscriptionHandler = ({ ctx, input }: Args) =>
  ensureCalendlySubscription(calendlyDeps(ctx), input.workspaceId);
export const removeSubscriptionHandler = ({ ctx, input }: Args) =>
  removeCalendlySubscription(calendlyDeps(ctx), input.workspaceId);

/** The subscription as Calendly reports it now, with what the integration did recently. */
export async function healthHandler({ ctx, input }: Args) {
  const subscription = await calendlySubscriptionHealth(calendlyDeps(ctx), input.workspaceId);
  return { ...subscription, events: await recentIntegrationEvents(ctx.sql ?? prismaRunner(ctx.db), input.workspaceId) };
}
