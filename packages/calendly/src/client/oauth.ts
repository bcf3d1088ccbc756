// Calendly OAuth 2.1 (authorization code + PKCE S256, single-use rotating refresh tokens) on
// oauth4webapi: the authorization URL, the code exchange, the refresh and the revocation. The only
// place that builds the URLs of $CALENDLY_AUTH_BASE_URL; nothing here stores anything.
import * as oauth from "oauth4webapi";

export const DEFAULT_CALENDLY_AUTH_BASE_URL = "https://auth.calendly.com";

/**
 * What this product asks for: API-NOTES section A's list (users, event types, single-use links,
 * webhooks, invitee events) plus `scheduled_events:write` (marking no-shows) and
 * `organizations:read` (the connected user's role, which decides whether an organization-scope
 * subscription is possible).
 */
export const CALENDLY_OAUTH_SCOPES = [
  "users:read",
  "event_types:read",
  "scheduling_links:write",
  "webhooks:read",
  "webhooks:write",
  "scheduled_events:read",
  "scheduled_events:write",
  "organizations:read",
] as const;

export type CalendlyOAuthTokens = {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires (Calendly: 2 hours); null when not said. */
  expiresInSeconds: number | null;
  /** Granted scopes when the answer names them, else null. */
  scopes: string[] | null;
  /** The user URI (`owner`) and organization URI Calendly attaches to the token, when present. */
  owner: string | null;
  organization: string | null;
};

export type CalendlyOAuthErrorKind =
  /** The code or refresh token is expired, used or revoked: only a new consent helps. */
  | "invalid_grant"
  /** Our client id/secret are refused: a configuration problem, not the workspace's. */
  | "invalid_client"
  /** The user declined on Calendly's consent page. */
  | "access_denied"
  /** Any other error Calendly's authorization or token endpoint answered with. */
  | "oauth_error"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "invalid_response";

export class CalendlyOAuthError extends Error {
  readonly kind: CalendlyOAuthErrorKind;
  readonly status?: number;
  /** The OAuth `error` code Calendly answered with. */
  readonly oauthError?: string;

  constructor(
    kind: CalendlyOAuthErrorKind,
    message: string,
    opts: { status?: number; oauthError?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "CalendlyOAuthError";
    this.kind = kind;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.oauthError !== undefined) this.oauthError = opts.oauthError;
  }
}

export function isCalendlyOAuthError(error: unknown): error is CalendlyOAuthError {
  return error instanceof CalendlyOAuthError;
}

export type CalendlyOAuthClient = {
  readonly clientId: string;
  /** A new random `state` value (to be stored hashed, bound to the workspace and the user). */
  createState(): string;
  /** A new PKCE code verifier and its S256 challenge. */
  createPkce(): Promise<{ verifier: string; challenge: string }>;
  /** `$CALENDLY_AUTH_BASE_URL/oauth/authorize?client_id=…&response_type=code&redirect_uri=…&state=…&code_challenge=…`. */
  authorizationUrl(p: { redirectUri: string; state: string; codeChallenge: string; scopes?: readonly string[] }): URL;
  /**
   * Validates the callback parameters (an `error` such as `access_denied` throws) and exchanges the
   * code at /oauth/token with HTTP Basic client authentication and the PKCE verifier.
   */
  exchangeCode(p: {
    callbackParams: URLSearchParams;
    expectedState: string;
    redirectUri: string;
    codeVerifier: string;
  }): Promise<CalendlyOAuthTokens>;
  /** grant_type=refresh_token. The refresh token is consumed: store the new pair at once. */
  refresh(refreshToken: string): Promise<CalendlyOAuthTokens>;
  /** POST /oauth/revoke (client id and secret in the body, as Calendly documents). */
  revoke(token: string): Promise<void>;
};

export type CalendlyOAuthClientOptions = {
  clientId: string;
  clientSecret: string;
  /** Default https://auth.calendly.com; callers pass CALENDLY_AUTH_BASE_URL. */
  authBaseUrl?: string;
  /** Per request; default 15000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

function authServer(baseUrl: string): { as: oauth.AuthorizationServer; insecure: boolean } {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new CalendlyOAuthError("invalid_response", `CALENDLY_AUTH_BASE_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (base.protocol !== "https:" && base.protocol !== "http:")
    throw new CalendlyOAuthError("invalid_response", `CALENDLY_AUTH_BASE_URL must be http(s): ${baseUrl}`);
  const root = `${base.origin}${base.pathname.replace(/\/+$/, "")}`;
  return {
    as: {
      issuer: root,
      authorization_endpoint: `${root}/oauth/authorize`,
      token_endpoint: `${root}/oauth/token`,
      revocation_endpoint: `${root}/oauth/revoke`,
      code_challenge_methods_supported: ["S256"],
    },
    // Only the local stand-in (tests, demo) is served over plain HTTP.
    insecure: base.protocol === "http:",
  };
}

function statusOf(error: unknown): number | undefined {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Response ? cause.status : undefined;
}

/** Any failure of an OAuth exchange as a CalendlyOAuthError with a message an admin can act on. */
function toOAuthError(error: unknown, what: string): CalendlyOAuthError {
  if (error instanceof CalendlyOAuthError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    const described = error.error_description ? ` (${error.error_description})` : "";
    if (error.error === "access_denied")
      return new CalendlyOAuthError("access_denied", `Access to Calendly was not granted${described}`, {
        oauthError: error.error,
        cause: error,
      });
    return new CalendlyOAuthError(
      "oauth_error",
      `Calendly answered the authorization with ${error.error}${described}`,
      {
        oauthError: error.error,
        cause: error,
      },
    );
  }
  if (error instanceof oauth.ResponseBodyError) {
    const described = error.error_description ? `: ${error.error_description}` : "";
    const opts = { status: error.status, oauthError: error.error, cause: error };
    if (error.error === "invalid_grant")
      return new CalendlyOAuthError("invalid_grant", `Calendly refused the ${what} (invalid_grant${described})`, opts);
    if (error.error === "invalid_client" || error.error === "unauthorized_client")
      return new CalendlyOAuthError(
        "invalid_client",
        `Calendly refused this app's client credentials (${error.error}${described}): check CALENDLY_OAUTH_CLIENT_ID and CALENDLY_OAUTH_CLIENT_SECRET`,
        opts,
      );
    if (error.status === 429)
      return new CalendlyOAuthError("rate_limited", "Calendly rate limited token requests, retry in a minute", opts);
    if (error.status >= 500)
      return new CalendlyOAuthError(
        "unavailable",
        `Calendly unavailable (HTTP ${error.status}), try again later`,
        opts,
      );
    return new CalendlyOAuthError("oauth_error", `Calendly refused the ${what} (${error.error}${described})`, opts);
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new CalendlyOAuthError(
      "invalid_client",
      `Calendly refused this app's client credentials (HTTP ${error.status}): check CALENDLY_OAUTH_CLIENT_ID and CALENDLY_OAUTH_CLIENT_SECRET`,
      { status: error.status, cause: error },
    );
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError")
    return new CalendlyOAuthError("timeout", `Calendly did not answer the ${what} in time, try again later`, {
      cause: error,
    });
  if (error instanceof oauth.OperationProcessingError) {
    const status = statusOf(error);
    if (status === 429)
      return new CalendlyOAuthError("rate_limited", "Calendly rate limited token requests, retry in a minute", {
        status,
        cause: error,
      });
    if (status !== undefined && status >= 500)
      return new CalendlyOAuthError("unavailable", `Calendly unavailable (HTTP ${status}), try again later`, {
        status,
        cause: error,
      });
    return new CalendlyOAuthError(
      "invalid_response",
      `Calendly returned an unexpected answer to the ${what}${status !== undefined ? ` (HTTP ${status})` : ""}: ${error.message}`,
      { ...(status !== undefined ? { status } : {}), cause: error },
    );
  }
  if (error instanceof TypeError)
    return new CalendlyOAuthError("unavailable", `Calendly unreachable (${error.message}), try again later`, {
      cause: error,
    });
  return new CalendlyOAuthError("invalid_response", `The ${what} failed: ${(error as Error)?.message ?? error}`, {
    cause: error,
  });
}

function tokensOf(response: oauth.TokenEndpointResponse): CalendlyOAuthTokens {
  if (!response.refresh_token)
    throw new CalendlyOAuthError("invalid_response", "Calendly's token answer has no refresh_token");
  const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresInSeconds: typeof response.expires_in === "number" ? response.expires_in : null,
    scopes: typeof response.scope === "string" ? response.scope.split(/\s+/).filter(Boolean) : null,
    owner: text(response.owner),
    organization: text(response.organization),
  };
}

export function createCalendlyOAuthClient(opts: CalendlyOAuthClientOptions): CalendlyOAuthClient {
  const { as, insecure } = authServer(opts.authBaseUrl ?? DEFAULT_CALENDLY_AUTH_BASE_URL);
  const client: oauth.Client = { client_id: opts.clientId };
  const basic = oauth.ClientSecretBasic(opts.clientSecret);
  const post = oauth.ClientSecretPost(opts.clientSecret);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const request = () => ({
    signal: AbortSignal.timeout(timeoutMs),
    ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(opts.fetch
      ? { [oauth.customFetch]: (url: string, init: RequestInit) => (opts.fetch as typeof fetch)(url, init) }
      : {}),
  });

  return {
    clientId: opts.clientId,

    createState: () => oauth.generateRandomState(),

    async createPkce() {
      const verifier = oauth.generateRandomCodeVerifier();
      return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
    },

    authorizationUrl(p) {
      const url = new URL(as.authorization_endpoint as string);
      url.searchParams.set("client_id", opts.clientId);
      url.searchParams.set("response_type", "code");
      url.searchParams.set("redirect_uri", p.redirectUri);
      url.searchParams.set("state", p.state);
      url.searchParams.set("code_challenge", p.codeChallenge);
      url.searchParams.set("code_challenge_method", "S256");
      url.searchParams.set("scope", (p.scopes ?? CALENDLY_OAUTH_SCOPES).join(" "));
      return url;
    },

    async exchangeCode(p) {
      try {
        const params = oauth.validateAuthResponse(as, client, p.callbackParams, p.expectedState);
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          basic,
          params,
          p.redirectUri,
          p.codeVerifier,
          request(),
        );
        return tokensOf(await oauth.processAuthorizationCodeResponse(as, client, response));
      } catch (error) {
        throw toOAuthError(error, "authorization code");
      }
    },

    async refresh(refreshToken) {
      try {
        const response = await oauth.refreshTokenGrantRequest(as, client, basic, refreshToken, request());
        return tokensOf(await oauth.processRefreshTokenResponse(as, client, response));
      } catch (error) {
        throw toOAuthError(error, "refresh token");
      }
    },

    async revoke(token) {
      try {
        const response = await oauth.revocationRequest(as, client, post, token, request());
        await oauth.processRevocationResponse(response);
      } catch (error) {
        throw toOAuthError(error, "token revocation");
      }
    },
  };
}
