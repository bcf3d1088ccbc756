import { EnvError, loadApiEnv } from "./env.ts";

describe("loadApiEnv", () => {
  it("applies development defaults", () => {
    const env = loadApiEnv({ NODE_ENV: "test", DATABASE_URL: "postgres://x/y" });
    expect(env).toMatchObject({
      calendlyApiBaseUrl: "https://api.calendly.com",
      publicWebhookBaseUrl: "http://localhost:3001",
      webhookToleranceSeconds: 180,
      adminApiToken: undefined,
      internalApiToken: undefined,
    });
    expect(env.betterAuthSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("requires secrets and URLs in production", () => {
    expect(() => loadApiEnv({ NODE_ENV: "production" })).toThrow(
      /DATABASE_URL.*PUBLIC_WEBHOOK_BASE_URL.*BETTER_AUTH_SECRET/,
    );
    const env = loadApiEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://x/y",
      PUBLIC_WEBHOOK_BASE_URL: "https://hooks.example.com/",
      BETTER_AUTH_SECRET: "a".repeat(32),
    });
    expect(env.publicWebhookBaseUrl).toBe("https://hooks.example.com");
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => loadApiEnv({ CALENDLY_API_BASE_URL: "ftp://x" })).toThrow(EnvError);
    expect(() => loadApiEnv({ INTERNAL_API_TOKEN: "short" })).toThrow(/INTERNAL_API_TOKEN/);
    expect(() => loadApiEnv({ WEBHOOK_TOLERANCE_SECONDS: "soon" })).toThrow(/WEBHOOK_TOLERANCE_SECONDS/);
    expect(loadApiEnv({ ADMIN_API_TOKEN: "" }).adminApiToken).toBeUndefined();
  });

  it("reads the Calendly OAuth app: both client id and secret, or neither", () => {
    expect(loadApiEnv({ NODE_ENV: "test" })).toMatchObject({
      calendlyOAuth: null,
      calendlyAuthBaseUrl: "https://auth.calendly.com",
    });
    const env = loadApiEnv({
      NODE_ENV: "test",
      CALENDLY_OAUTH_CLIENT_ID: "client",
      CALENDLY_OAUTH_CLIENT_SECRET: "secret",
      CALENDLY_AUTH_BASE_URL: "http://127.0.0.1:4010/",
    });
    expect(env).toMatchObject({
      calendlyOAuth: { clientId: "client", clientSecret: "secret" },
      calendlyAuthBaseUrl: "http://127.0.0.1:4010",
    });
    expect(() => loadApiEnv({ CALENDLY_OAUTH_CLIENT_ID: "client" })).toThrow(/CALENDLY_OAUTH_CLIENT_SECRET/);
    expect(() => loadApiEnv({ CALENDLY_AUTH_BASE_URL: "nope" })).toThrow(/CALENDLY_AUTH_BASE_URL/);
  });

  it("reads TRUST_PROXY as a number of proxy hops (default 0: X-Forwarded-For ignored) and SMTP_URL as an smtp(s) URL", () => {
    expect(loadApiEnv({}).trustProxyHops).toBe(0);
    expect(loadApiEnv({ TRUST_PROXY: "2" }).trustProxyHops).toBe(2);
    expect(() => loadApiEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(loadApiEnv({}).smtpUrl).toBeUndefined();
    expect(loadApiEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465" }).smtpUrl).toBe(
      "smtps://u:p@mail.example.com:465",
    );
    expect(() => loadApiEnv({ SMTP_URL: "mail.example.com" })).toThrow(/SMTP_URL/);
  });
});
