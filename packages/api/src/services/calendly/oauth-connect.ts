// "Connect with Calendly": the start of the OAuth flow (a single-use state bound to the workspace
// and the signed-in user, PKCE S256) and its callback (state checks, code exchange, /users/me,
// role, tokens stored encrypted). The web routes only turn the results into a redirect or a page.
import { createHash } from "node:crypto";
import { type CalendlyOAuthTokens, type CalendlyUser, isCalendlyOAuthError } from "@booking/calendly";
import { normalizeEmail, secretContext } from "@booking/db";
import { isDomainError } from "../../errors.ts";
import { type Actor, authorizeWorkspace } from "../access/index.ts";
import { forgottenConnection, releaseCredentials } from "./connection.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { integrationEventData } from "./integration-events.ts";
import { loadIntegration } from "./integration-state.ts";
import { canUseOrganizationScope } from "./integration-view.ts";
import { lookupOrganizationRole } from "./organization-role.ts";
import { forgottenSubscription } from "./remove-subscription.ts";
import { withSubscriptionLease } from "./subscription-lease.ts";

const STATE_TTL_MS = 10 * 60_000;
/** Used or expired states are deleted a day later (kept that long to tell "reused" from "forged"). */
const STATE_RETENTION_MS = 24 * 60 * 60_000;

const hashState = (state: string) => createHash("sha256").update(state, "utf8").digest("hex");
const actorKey = (actor: Actor) => (actor.kind === "user" ? normalizeEmail(actor.email) : "platform");

export type OAuthStartResult =
  | { ok: true; authorizationUrl: string }
  | { ok: false; status: 403 | 404; reason: "forbidden" | "not_found" | "not_configured"; message: string };

/** Begins "Connect with Calendly" for a workspace admin (or platform admin): the URL of Calendly's consent page. */
export async function startCalendlyOAuth(
  deps: CalendlyIntegrationDeps,
  input: { actor: Actor; workspaceId: string; redirectUri: string },
): Promise<OAuthStartResult> {
  const oauth = deps.oauth;
  if (!oauth)
    return {
      ok: false,
      status: 404,
      reason: "not_configured",
      message: "Connect with Calendly is not set up on this server: use a personal access token instead.",
    };
  try {
    await authorizeWorkspace(deps.db, input.actor, input.workspaceId, "admin");
  } catch (error) {
    if (isDomainError(error) && error.code === "FORBIDDEN")
      return { ok: false, status: 403, reason: "forbidden", message: "Only workspace admins can connect Calendly." };
    if (isDomainError(error) && error.code === "NOT_FOUND")
      return { ok: false, status: 404, reason: "not_found", message: "Workspace not found." };
    throw error;
  }
  const state = oauth.createState();
  const pkce = await oauth.createPkce();
  const id = hashState(state);
  const now = deps.clock();
  await deps.db.$transaction([
    deps.db.calendlyOAuthState.deleteMany({
      where: { expiresAt: { lt: new Date(now.getTime() - STATE_RETENTION_MS) } },
    }),
    deps.db.calendlyOAuthState.create({
      data: {
        id,
        clientId: input.workspaceId,
        userEmail: actorKey(input.actor),
        codeVerifierEnc: deps.secrets.encrypt(pkce.verifier, secretContext.calendlyOAuthVerifier(id)),
        expiresAt: new Date(now.getTime() + STATE_TTL_MS),
      },
      select: { id: true },
    }),
  ]);
  const url = oauth.authorizationUrl({ redirectUri: input.redirectUri, state, codeChallenge: pkce.challenge });
  return { ok: true, authorizationUrl: url.href };
}

type OAuthCallbackFailure =
  | "not_configured"
  | "missing_state"
  | "unknown_state"
  | "other_user"
  | "reused_state"
  | "expired_state"
  | "forbidden"
  | "denied"
  | "exchange_failed"
  | "calendly_unavailable";

export type OAuthCallbackResult =
  | { ok: true; workspaceId: string; user: { name: string; email: string } }
  | {
      ok: false;
      reason: OAuthCallbackFailure;
      status: 400 | 403 | 404 | 502;
      message: string;
      /** Where to send the user back to, when the state named a workspace the user may see. */
      workspaceId: string | null;
    };

const START_AGAIN = "Start again with Connect with Calendly on the Integrations page.";

/**
 * The redirect back from Calendly. A forged, reused, expired or other user's `state`, a declined
 * consent and a failed exchange each answer a clear failure and store nothing; on success the
 * tokens are stored encrypted with their expiry and scopes, the user, organization and role.
 */
export async function completeCalendlyOAuth(
  deps: CalendlyIntegrationDeps,
  input: { actor: Actor; params: URLSearchParams; redirectUri: string },
): Promise<OAuthCallbackResult> {
  const fail = (
    reason: OAuthCallbackFailure,
    status: 400 | 403 | 404 | 502,
    message: string,
    workspaceId: string | null = null,
  ): OAuthCallbackResult => ({ ok: false, reason, status, message, workspaceId });
  const oauth = deps.oauth;
  if (!oauth) return fail("not_configured", 404, "Connect with Calendly is not set up on this server.");

  const stateValue = input.params.get("state");
  if (!stateValue) return fail("missing_state", 400, `Calendly's answer carries no state. ${START_AGAIN}`);
  const id = hashState(stateValue);
  const row = await deps.db.calendlyOAuthState.findUnique({ where: { id } });
  if (!row)
    return fail(
      "unknown_state",
      400,
      `This link back from Calendly does not belong to a connection started here (forged or tampered). ${START_AGAIN}`,
    );
  if (row.userEmail !== actorKey(input.actor))
    return fail(
      "other_user",
      403,
      "This Calendly connection was started by another user: only the admin who started it can finish it.",
    );
  const now = deps.clock();
  if (row.usedAt)
    return fail("reused_state", 400, `This Calendly connection link was already used. ${START_AGAIN}`, row.clientId);
  if (row.expiresAt <= now)
    return fail(
      "expired_state",
      400,
      `This Calendly connection request expired (it is valid for 10 minutes). ${START_AGAIN}`,
      row.clientId,
    );
  const { count } = await deps.db.calendlyOAuthState.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  if (count !== 1)
    return fail("reused_state", 400, `This Calendly connection link was already used. ${START_AGAIN}`, row.clientId);
  const workspaceId = row.clientId;

  try {
    await authorizeWorkspace(deps.db, input.actor, workspaceId, "admin");
  } catch (error) {
    if (isDomainError(error)) return fail("forbidden", 403, "Only workspace admins can connect Calendly.");
    throw error;
  }

  const error = input.params.get("error");
  if (error) {
    const described = input.params.get("error_description");
    return fail(
      "denied",
      400,
      error === "access_denied"
        ? "Calendly was not connected: access was declined on Calendly's consent page."
        : `Calendly did not grant access (${error}${described ? `: ${described}` : ""}). ${START_AGAIN}`,
      workspaceId,
    );
  }

  let tokens: CalendlyOAuthTokens;
  try {
    const codeVerifier = deps.secrets.decrypt(row.codeVerifierEnc, secretContext.calendlyOAuthVerifier(id));
    tokens = await oauth.exchangeCode({
      callbackParams: input.params,
      expectedState: stateValue,
      redirectUri: input.redirectUri,
      codeVerifier,
    });
  } catch (cause) {
    if (!isCalendlyOAuthError(cause))
      return fail("exchange_failed", 400, `The answer from Calendly could not be used. ${START_AGAIN}`, workspaceId);
    if (cause.kind === "access_denied")
      return fail(
        "denied",
        400,
        "Calendly was not connected: access was declined on Calendly's consent page.",
        workspaceId,
      );
    if (cause.kind === "invalid_grant" || cause.kind === "oauth_error")
      return fail("exchange_failed", 400, `${cause.message}. ${START_AGAIN}`, workspaceId);
    return fail("calendly_unavailable", 502, `${cause.message}. Nothing was changed; try again.`, workspaceId);
  }

  const calendly = deps.calendlyFor(tokens.accessToken);
  let me: CalendlyUser;
  try {
    me = await calendly.getCurrentUser();
  } catch (cause) {
    await Promise.allSettled([oauth.revoke(tokens.accessToken), oauth.revoke(tokens.refreshToken)]);
    return fail(
      "calendly_unavailable",
      502,
      `Calendly granted access, but reading the connected user failed (${(cause as Error).message}). Nothing was changed; try again.`,
      workspaceId,
    );
  }
  const role = await lookupOrganizationRole(calendly, me.uri).catch(() => null);
  await storeConnection(deps, workspaceId, { tokens, me, role, actor: actorKey(input.actor) });
  return { ok: true, workspaceId, user: { name: me.name, email: me.email } };
}

async function storeConnection(
  deps: CalendlyIntegrationDeps,
  workspaceId: string,
  c: { tokens: CalendlyOAuthTokens; me: CalendlyUser; role: string | null; actor: string },
) {
  await withSubscriptionLease(deps, workspaceId, async () => {
    const previous = await loadIntegration(deps.db, workspaceId);
    const now = deps.clock();
    // The same Calendly user reconnecting keeps its subscription; another user's hook is removed.
    const sameUser = previous.calendlyUserUri === c.me.uri;
    if (previous.calendlyAccessTokenEnc)
      await releaseCredentials(deps, previous, { deleteSubscription: !sameUser }).catch(() => undefined);
    const expires = c.tokens.expiresInSeconds ?? 2 * 60 * 60;
    const scope =
      previous.calendlySubscriptionScope === "organization" && canUseOrganizationScope(c.role)
        ? "organization"
        : "user";
    const actor = c.actor === "platform" ? "platform" : `user:${c.actor}`;
    await deps.db.$transaction([
      deps.db.client.update({
        where: { id: workspaceId },
        data: {
          ...forgottenConnection(),
          ...(sameUser ? {} : forgottenSubscription(now)),
          calendlyAuthMethod: "OAUTH",
          calendlyAccessTokenEnc: deps.secrets.encrypt(
            c.tokens.accessToken,
            secretContext.calendlyAccessToken(workspaceId),
          ),
          calendlyRefreshTokenEnc: deps.secrets.encrypt(
            c.tokens.refreshToken,
            secretContext.calendlyRefreshToken(workspaceId),
          ),
          calendlyAccessTokenExpiresAt: new Date(now.getTime() + expires * 1000),
          calendlyTokenScopes: c.tokens.scopes ? c.tokens.scopes.join(" ") : null,
          calendlyOrganizationRole: c.role,
          calendlySubscriptionScope: scope,
          calendlyConnectionStatus: "CONNECTED",
          calendlyConnectionCheckedAt: now,
          calendlyUserUri: c.me.uri,
          calendlyUserName: c.me.name,
          calendlyUserEmail: c.me.email,
          calendlyOrganizationUri: c.tokens.organization ?? c.me.current_organization,
          calendlyReconcileFrom: previous.calendlyReconcileFrom,
        },
        select: { id: true },
      }),
      deps.db.integrationEvent.create({
        data: integrationEventData({
          workspaceId,
          kind: "CONNECTED",
          actor,
          message: `Connected Calendly with OAuth as ${c.me.name} (${c.me.email})${c.role ? `, organization ${c.role}` : ""}`,
          at: now,
        }),
        select: { id: true },
      }),
    ]);
  });
}
