import type { Context } from "../../../context.ts";
import type { CalendlyIntegrationDeps } from "../../../services/calendly/index.ts";

export function calendlyDeps(ctx: Context): CalendlyIntegrationDeps {
  return {
    db: ctx.db,
    secrets: ctx.secrets,
    calendlyFor: ctx.calendlyFor,
    oauth: ctx.calendlyOAuth,
    ...(ctx.sql ? { sql: ctx.sql } : {}),
    clock: ctx.now,
    publicWebhookBaseUrl: ctx.env.publicWebhookBaseUrl,
    actor: ctx.session?.kind === "user" ? `user:${ctx.session.email}` : ctx.session ? "platform" : "system",
  };
}
