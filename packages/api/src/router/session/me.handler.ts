import type { Context } from "../../context.ts";

export type Me = { email: string | null; name: string; isPlatformAdmin: boolean } | null;

export function meHandler({ ctx }: { ctx: Context }): Me {
  const s = ctx.session;
  if (!s) return null;
  if (s.kind === "platform")
    return { email: null, name: ctx.env.internalCaller ?? "Internal service", isPlatformAdmin: true };
  return { email: s.email, name: s.name, isPlatformAdmin: false };
}
