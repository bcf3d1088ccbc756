// The one token service: every Calendly call made with a workspace's credentials gets its client
// here. A personal access token is decrypted; an OAuth access token is refreshed when it expires
// within a margin, or once after Calendly answers 401, under a PostgreSQL advisory lock held in a
// transaction that re-reads the row, so that however many web, webhooks and worker processes need
// a refresh at once exactly one /oauth/token request is made and the new pair replaces the
// consumed one in that same transaction. A token Calendly refuses marks the workspace
// RECONNECT_NEEDED (once, with an IntegrationEvent); callers and the worker then stop using it.
import {
  CalendlyApiError,
  type CalendlyClient,
  type CalendlyOAuthTokens,
  isCalendlyApiError,
  isCalendlyOAuthError,
} from "@booking/calendly";
import type { CalendlyAuthMethod } from "@booking/db";
import { secretContext } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";
import { actorOf, recordIntegrationEvent } from "./integration-events.ts";

/** Any caller refreshes an OAuth access token that expires within this margin. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** Longest a caller waits for another process's refresh (lock + Calendly's answer). */
const REFRESH_WAIT_MS = 30_000;
const REFRESH_TIMEOUT_MS = 45_000;

export type TokenDeps = Pick<CalendlyIntegrationDeps, "db" | "secrets" | "calendlyFor"> &
  Partial<Pick<CalendlyIntegrationDeps, "clock" | "oauth" | "actor">>;

/** The access token in use: its ciphertext (as stored: identifies it) and its value. */
type Held = { enc: string; token: string };

const tokenSelect = {
  calendlyAuthMethod: true,
  calendlyAccessTokenEnc: true,
  calendlyRefreshTokenEnc: true,
  calendlyAccessTokenExpiresAt: true,
  calendlyTokenScopes: true,
  calendlyConnectionStatus: true,
  calendlyLastError: true,
} as const;

const nowOf = (deps: Pick<TokenDeps, "clock">) => (deps.clock ? deps.clock() : new Date());

function noToken(): DomainError {
  return new DomainError("PRECONDITION_FAILED", "No Calendly access token is configured for this workspace", {
    fieldErrors: { token: ["Connect Calendly or save a personal access token first"] },
  });
}

function reconnectNeeded(method: CalendlyAuthMethod | null, lastError: string | null): DomainError {
  const what =
    method === "OAUTH"
      ? "Calendly no longer accepts this workspace's connection: reconnect Calendly"
      : "Calendly no longer accepts this workspace's personal access token: save a new one";
  return new DomainError("PRECONDITION_FAILED", lastError ? `${what} (${lastError})` : what, {
    fieldErrors: { token: [what] },
  });
}

function decrypt(deps: Pick<TokenDeps, "secrets">, value: string, context: string): string {
  try {
    return deps.secrets.decrypt(value, context);
  } catch (cause) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "The stored Calendly credentials cannot be decrypted (encryption key changed?): connect Calendly again",
      { fieldErrors: { token: ["Connect Calendly again"] }, cause },
    );
  }
}

/**
 * A Calendly client acting with the workspace's credentials. Throws PRECONDITION_FAILED when none
 * are stored or the workspace needs reconnecting (unless `allowReconnectNeeded`: a person testing
 * the connection may find that the token works again). The client refreshes an OAuth token once
 * after a 401 and retries the call; a token Calendly still refuses marks RECONNECT_NEEDED. A 403
 * naming `required_scopes` records the missing scopes on the workspace ("reconnect to grant: …").
 */
export async function clientForWorkspace(
  deps: TokenDeps,
  state: { id: string },
  opts: {
    allowReconnectNeeded?: boolean;
    /** false: a refused token is not marked RECONNECT_NEEDED (the caller is letting it go anyway). */
    markRefusal?: boolean;
  } = {},
): Promise<CalendlyClient> {
  const row = await deps.db.client.findUnique({ where: { id: state.id }, select: tokenSelect });
  if (!row) throw new DomainError("NOT_FOUND", "Workspace not found");
  if (!row.calendlyAccessTokenEnc) throw noToken();
  if (row.calendlyConnectionStatus === "RECONNECT_NEEDED" && !opts.allowReconnectNeeded)
    throw reconnectNeeded(row.calendlyAuthMethod, row.calendlyLastError);
  const method = row.calendlyAuthMethod ?? "PERSONAL_TOKEN";
  let held: Held = {
    enc: row.calendlyAccessTokenEnc,
    token: decrypt(deps, row.calendlyAccessTokenEnc, secretContext.calendlyAccessToken(state.id)),
  };
  if (method === "OAUTH" && row.calendlyConnectionStatus !== "RECONNECT_NEEDED") {
    const expiresAt = row.calendlyAccessTokenExpiresAt?.getTime() ?? 0;
    const now = nowOf(deps).getTime();
    if (expiresAt <= now + REFRESH_MARGIN_MS) {
      try {
        held = (await refreshUnderLock(deps, state.id, { stale: held.enc, marginMs: REFRESH_MARGIN_MS })).held;
      } catch (error) {
        // Renewing ahead of time failed for a passing reason: the token still works until it expires.
        if (expiresAt <= now || !isPassing(error)) throw error;
      }
    }
  }
  return tokenAwareClient(deps, state.id, method, held, opts.markRefusal ?? true);
}

const isPassing = (error: unknown) =>
  isCalendlyApiError(error) && ["unavailable", "timeout", "rate_limited", "invalid_response"].includes(error.kind);

function tokenAwareClient(
  deps: TokenDeps,
  workspaceId: string,
  method: CalendlyAuthMethod,
  first: Held,
  markRefusal: boolean,
) {
  let held = first;
  async function run<T>(call: (client: CalendlyClient) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const used = held;
      try {
        return await call(deps.calendlyFor(used.token));
      } catch (error) {
        if (!isCalendlyApiError(error)) throw error;
        if (error.kind === "unauthorized") {
          if (method === "OAUTH" && attempt === 0) {
            held = (await refreshUnderLock(deps, workspaceId, { stale: used.enc, marginMs: 0 })).held;
            continue;
          }
          const message =
            method === "OAUTH"
              ? "Calendly refused the access token even after renewing it: reconnect Calendly"
              : error.message;
          if (markRefusal) await markReconnectNeeded(deps, workspaceId, used.enc, message);
          throw method === "OAUTH" ? new CalendlyApiError("unauthorized", message, { cause: error }) : error;
        }
        if (error.kind === "forbidden_scope") {
          const scopes = error.requiredScopes ?? [];
          if (scopes.length > 0) await recordMissingScopes(deps, workspaceId, scopes);
          if (method === "OAUTH") {
            const list = scopes.length > 0 ? scopes.join(", ") : "the permissions this needs";
            throw new CalendlyApiError(
              "forbidden_scope",
              `Calendly needs more permissions: reconnect to grant ${list}`,
              {
                ...(error.status !== undefined ? { status: error.status } : {}),
                requiredScopes: scopes,
                cause: error,
              },
            );
          }
        }
        throw error;
      }
    }
  }
  const probe = deps.calendlyFor(first.token);
  const client = {} as Record<string, unknown>;
  for (const key of Object.keys(probe)) {
    client[key] = (...args: unknown[]) =>
      run((c) => (c as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[key]!(...args));
  }
  return client as CalendlyClient;
}

type RefreshOutcome = { held: Held; refreshed: boolean };

/**
 * Renews the workspace's OAuth access token unless another caller already did: under an advisory
 * lock on the workspace, re-reads the row; a token other than `stale` that is valid beyond
 * `marginMs` is used as is, else the refresh token is spent and the new pair stored before the lock
 * is released. `invalid_grant` marks RECONNECT_NEEDED (committed) and throws.
 */
async function refreshUnderLock(
  deps: TokenDeps,
  workspaceId: string,
  opts: { stale?: string; marginMs: number },
): Promise<RefreshOutcome> {
  const oauth = deps.oauth;
  type Result =
    | ({ kind: "ok" } & RefreshOutcome)
    | { kind: "reconnect"; message: string }
    | { kind: "gone" }
    | { kind: "failed"; error: unknown };
  const result: Result = await deps.db.$transaction(
    async (tx): Promise<Result> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`calendly.oauth:${workspaceId}`}, 0))`;
      const row = await tx.client.findUnique({ where: { id: workspaceId }, select: tokenSelect });
      if (!row?.calendlyAccessTokenEnc || row.calendlyAuthMethod !== "OAUTH") return { kind: "gone" };
      if (row.calendlyConnectionStatus === "RECONNECT_NEEDED")
        return { kind: "reconnect", message: row.calendlyLastError ?? "Calendly needs to be reconnected" };
      const now = nowOf(deps);
      const expiresAt = row.calendlyAccessTokenExpiresAt?.getTime() ?? 0;
      if (row.calendlyAccessTokenEnc !== opts.stale && expiresAt > now.getTime() + opts.marginMs) {
        const token = decrypt(deps, row.calendlyAccessTokenEnc, secretContext.calendlyAccessToken(workspaceId));
        return { kind: "ok", held: { enc: row.calendlyAccessTokenEnc, token }, refreshed: false };
      }
      if (!oauth)
        return {
          kind: "failed",
          error: new DomainError(
            "PRECONDITION_FAILED",
            "This workspace is connected with Calendly OAuth, but this server has no CALENDLY_OAUTH_CLIENT_ID/SECRET to renew its token",
          ),
        };
      if (!row.calendlyRefreshTokenEnc) return { kind: "reconnect", message: "No refresh token is stored" };
      const refreshToken = decrypt(deps, row.calendlyRefreshTokenEnc, secretContext.calendlyRefreshToken(workspaceId));
      let tokens: CalendlyOAuthTokens;
      try {
        tokens = await oauth.refresh(refreshToken);
      } catch (error) {
        if (isCalendlyOAuthError(error) && error.kind === "invalid_grant") {
          const message = error.message;
          await tx.client.update({
            where: { id: workspaceId },
            data: {
              calendlyConnectionStatus: "RECONNECT_NEEDED",
              calendlyLastError: message,
              calendlyConnectionCheckedAt: now,
            },
            select: { id: true },
          });
          await recordIntegrationEvent(tx, {
            workspaceId,
            kind: "RECONNECT_NEEDED",
            actor: actorOf(deps),
            message: "Calendly refused to renew the OAuth token; an admin needs to reconnect Calendly",
            error: error.message,
            at: now,
          });
          return { kind: "reconnect", message };
        }
        return { kind: "failed", error };
      }
      const enc = deps.secrets.encrypt(tokens.accessToken, secretContext.calendlyAccessToken(workspaceId));
      const expires = tokens.expiresInSeconds ?? 2 * 60 * 60;
      await tx.client.update({
        where: { id: workspaceId },
        data: {
          calendlyAccessTokenEnc: enc,
          calendlyRefreshTokenEnc: deps.secrets.encrypt(
            tokens.refreshToken,
            secretContext.calendlyRefreshToken(workspaceId),
          ),
          calendlyAccessTokenExpiresAt: new Date(now.getTime() + expires * 1000),
          calendlyTokenScopes: tokens.scopes ? tokens.scopes.join(" ") : row.calendlyTokenScopes,
        },
        select: { id: true },
      });
      await recordIntegrationEvent(tx, {
        workspaceId,
        kind: "TOKEN_REFRESHED",
        actor: actorOf(deps),
        message: `Renewed the Calendly access token (valid for ${Math.round(expires / 60)} min)`,
        at: now,
      });
      return { kind: "ok", held: { enc, token: tokens.accessToken }, refreshed: true };
    },
    { maxWait: REFRESH_WAIT_MS, timeout: REFRESH_TIMEOUT_MS },
  );
  switch (result.kind) {
    case "ok":
      return { held: result.held, refreshed: result.refreshed };
    case "gone":
      throw noToken();
    case "reconnect":
      throw new CalendlyApiError("unauthorized", `${result.message}: reconnect Calendly`);
    case "failed":
      throw isCalendlyOAuthError(result.error)
        ? new CalendlyApiError(
            result.error.kind === "timeout"
              ? "timeout"
              : result.error.kind === "rate_limited"
                ? "rate_limited"
                : result.error.kind === "invalid_response"
                  ? "invalid_response"
                  : "unavailable",
            `Renewing the Calendly access token failed: ${result.error.message}`,
            { ...(result.error.status !== undefined ? { status: result.error.status } : {}), cause: result.error },
          )
        : result.error;
  }
}

export type TokenRefreshResult = "refreshed" | "fresh" | "not_oauth" | "reconnect_needed";

/**
 * The worker's refresh ahead of expiry: renews the workspace's OAuth token when it expires within
 * `aheadMs`. RECONNECT_NEEDED (now or before) is a result, not an error, so it is never retried.
 */
export async function refreshCalendlyToken(
  deps: TokenDeps,
  workspaceId: string,
  opts: { aheadMs: number },
): Promise<TokenRefreshResult> {
  const row = await deps.db.client.findUnique({ where: { id: workspaceId }, select: tokenSelect });
  if (!row?.calendlyAccessTokenEnc || row.calendlyAuthMethod !== "OAUTH") return "not_oauth";
  if (row.calendlyConnectionStatus === "RECONNECT_NEEDED") return "reconnect_needed";
  try {
    const outcome = await refreshUnderLock(deps, workspaceId, { marginMs: opts.aheadMs });
    return outcome.refreshed ? "refreshed" : "fresh";
  } catch (error) {
    if (isCalendlyApiError(error) && error.kind === "unauthorized") return "reconnect_needed";
    throw error;
  }
}

/** Marks RECONNECT_NEEDED if `failedEnc` is still the stored token (once: one IntegrationEvent). */
async function markReconnectNeeded(deps: TokenDeps, workspaceId: string, failedEnc: string, message: string) {
  const now = nowOf(deps);
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.client.updateMany({
      where: {
        id: workspaceId,
        calendlyAccessTokenEnc: failedEnc,
        calendlyConnectionStatus: { not: "RECONNECT_NEEDED" },
      },
      data: {
        calendlyConnectionStatus: "RECONNECT_NEEDED",
        calendlyLastError: message,
        calendlyConnectionCheckedAt: now,
      },
    });
    if (count === 1)
      await recordIntegrationEvent(tx, {
        workspaceId,
        kind: "RECONNECT_NEEDED",
        actor: actorOf(deps),
        message: "Calendly refused the workspace's token; it is no longer used until Calendly is connected again",
        error: message,
        at: now,
      });
  });
}

/** Adds scopes Calendly said a call needed to the workspace's "reconnect to grant" list. */
async function recordMissingScopes(deps: TokenDeps, workspaceId: string, scopes: string[]) {
  await deps.db.$executeRaw`
    UPDATE "Client"
    SET "calendlyMissingScopes" = ARRAY(
      SELECT DISTINCT s FROM unnest("calendlyMissingScopes" || ${scopes}::text[]) AS s ORDER BY s
    )
    WHERE id = ${workspaceId} AND NOT ("calendlyMissingScopes" @> ${scopes}::text[])`;
}
