// Shared by this folder's tests and the router's: a workspace, service deps over the harness, and
// "Connect with Calendly" played end to end against the fake (start → consent → callback).
import type { MemberRole } from "@booking/db";
import { type Harness, PUBLIC_WEBHOOK_BASE_URL, seedWorkspace } from "../../testing/harness.ts";
import type { Actor } from "../access/index.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { completeCalendlyOAuth, type OAuthCallbackResult, startCalendlyOAuth } from "./oauth-connect.ts";

export const REDIRECT_URI = "https://crm.test/api/integrations/calendly/oauth/callback";

export function serviceDeps(h: Harness, over: Partial<CalendlyIntegrationDeps> = {}): CalendlyIntegrationDeps {
  return {
    db: h.db,
    secrets: h.secrets,
    calendlyFor: h.calendlyFor,
    oauth: h.calendlyOAuth,
    clock: () => new Date(),
    publicWebhookBaseUrl: PUBLIC_WEBHOOK_BASE_URL,
    actor: "test",
    ...over,
  };
}

export async function adminWorkspace(h: Harness, extra: Array<[string, MemberRole]> = []) {
  const admin = `admin-${Math.random().toString(36).slice(2, 8)}@ws.test`;
  const id = await seedWorkspace(h.db, { members: [[admin, "ADMIN"], ...extra] });
  return { id, admin, actor: { kind: "user", email: admin } as Actor };
}

/** The Calendly user who consents, added to the fake (owner of its organization unless said otherwise). */
export function calendlyUser(h: Harness, opts: { role?: "owner" | "admin" | "user"; name?: string } = {}) {
  const account = h.fake.addAccount({
    token: `pat-${Math.random().toString(36).slice(2)}-0000000000`,
    user: { name: opts.name ?? "Olive Owner", email: `olive-${Math.random().toString(36).slice(2, 6)}@acme.test` },
    role: opts.role ?? "owner",
  });
  h.fake.oauth.consentAs(account.userUri);
  return account;
}

/** Start → consent on the fake (Allow unless `decision`) → callback; returns the callback result and the URLs. */
export async function connectWithOAuth(
  h: Harness,
  ws: { id: string; actor: Actor },
  opts: { decision?: "allow" | "deny"; callbackActor?: Actor; deps?: CalendlyIntegrationDeps } = {},
): Promise<{ result: OAuthCallbackResult; authorizationUrl: string; callbackUrl: string }> {
  const deps = opts.deps ?? serviceDeps(h);
  const started = await startCalendlyOAuth(deps, { actor: ws.actor, workspaceId: ws.id, redirectUri: REDIRECT_URI });
  if (!started.ok) throw new Error(`start failed: ${started.message}`);
  const callbackUrl = h.fake.oauth.consent(started.authorizationUrl, opts.decision ?? "allow");
  const result = await completeCalendlyOAuth(deps, {
    actor: opts.callbackActor ?? ws.actor,
    params: new URL(callbackUrl).searchParams,
    redirectUri: REDIRECT_URI,
  });
  return { result, authorizationUrl: started.authorizationUrl, callbackUrl };
}
