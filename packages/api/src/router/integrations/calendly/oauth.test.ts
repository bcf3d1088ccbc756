// Procedures of an OAuth-connected workspace: disconnect (revoke, remove the hook, forget), the
// subscription scope (organization vs user), and what `get` shows.
import { CALENDLY_INVITEE_EVENTS } from "@booking/calendly";
import { adminWorkspace, calendlyUser, connectWithOAuth } from "../../../services/calendly/test-helpers.ts";
import { createHarness, expectTRPCError, type Harness, PUBLIC_WEBHOOK_BASE_URL } from "../../../testing/harness.ts";
import { fieldErrorsOf } from "../../../trpc.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.reset());

async function connected(role: "owner" | "admin" | "user" = "owner") {
  const ws = await adminWorkspace(h);
  const user = calendlyUser(h, { role });
  const { result } = await connectWithOAuth(h, ws);
  if (!result.ok) throw new Error(result.message);
  return { ...ws, user, caller: h.user(ws.admin), webhookUrl: `${PUBLIC_WEBHOOK_BASE_URL}/webhooks/calendly/${ws.id}` };
}

describe("integrations.calendly.get", () => {
  it("shows how the workspace is connected, the user and role, and the recent events", async () => {
    const ws = await connected("admin");
    const view = await ws.caller.integrations.calendly.get({ workspaceId: ws.id });
    expect(view).toMatchObject({
      authMethod: "OAUTH",
      oauthAvailable: true,
      tokenConfigured: true,
      tokenLast4: null,
      subscriptionScope: "user",
      organizationScopeAllowed: true,
      connection: {
        status: "CONNECTED",
        userName: "Olive Owner",
        role: "admin",
        missingScopes: [],
        grantedScopes: expect.arrayContaining(["webhooks:write", "organizations:read"]),
      },
      events: [expect.objectContaining({ kind: "CONNECTED" })],
    });
  });
});

describe("integrations.calendly.disconnect", () => {
  it("revokes the OAuth tokens, deletes the subscription at Calendly and forgets every credential", async () => {
    const ws = await connected();
    await ws.caller.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(h.fake.subscriptions).toHaveLength(1);
    const [refreshToken] = h.fake.oauth.liveRefreshTokens();

    const view = await ws.caller.integrations.calendly.disconnect({ workspaceId: ws.id });

    expect(h.fake.subscriptions).toHaveLength(0);
    expect(h.fake.oauth.revoked).toHaveLength(2);
    expect(h.fake.oauth.revoked).toContain(refreshToken);
    expect(h.fake.oauth.liveRefreshTokens()).toEqual([]);
    expect(view).toMatchObject({
      enabled: false,
      tokenConfigured: false,
      authMethod: null,
      connection: { status: "UNKNOWN", userUri: null, role: null },
      subscription: { state: "missing", uri: null },
      events: [
        expect.objectContaining({
          kind: "DISCONNECTED",
          message: expect.stringMatching(/webhook subscription deleted, OAuth token revoked/),
          error: null,
        }),
        expect.anything(),
        expect.anything(),
      ],
    });
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row).toMatchObject({
      calendlyAccessTokenEnc: null,
      calendlyRefreshTokenEnc: null,
      calendlyAccessTokenExpiresAt: null,
      calendlyAuthMethod: null,
      calendlyWebhookSigningKeyEnc: null,
    });
  });

  it("forgets a personal access token too, and still disconnects when Calendly already refuses the token", async () => {
    const ws = await adminWorkspace(h);
    const caller = h.user(ws.admin);
    h.fake.addAccount({ token: "pat_to_forget_00000000000000000" });
    await caller.integrations.calendly.update({ workspaceId: ws.id, token: "pat_to_forget_00000000000000000" });
    await caller.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    h.fake.revokeToken("pat_to_forget_00000000000000000");

    const view = await caller.integrations.calendly.disconnect({ workspaceId: ws.id });
    expect(view).toMatchObject({ tokenConfigured: false, authMethod: null, subscription: { uri: null } });
    expect(view.events[0]).toMatchObject({
      kind: "DISCONNECTED",
      error: expect.stringMatching(/could not be deleted at Calendly/),
    });
    expect(h.fake.oauth.revoked).toEqual([]);
  });

  it("update({ token: null }) on an OAuth workspace disconnects the same way", async () => {
    const ws = await connected();
    await ws.caller.integrations.calendly.update({ workspaceId: ws.id, token: null });
    expect(h.fake.oauth.revoked).toHaveLength(2);
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row.calendlyRefreshTokenEnc).toBeNull();
  });

  it("a personal access token replaces an OAuth connection (whose tokens are revoked)", async () => {
    const ws = await connected();
    h.fake.addAccount({ token: "pat_replacing_oauth_0000000000", user: { uri: ws.user.userUri } });
    const view = await ws.caller.integrations.calendly.update({
      workspaceId: ws.id,
      token: "pat_replacing_oauth_0000000000",
    });
    expect(view).toMatchObject({
      authMethod: "PERSONAL_TOKEN",
      tokenLast4: "0000",
      connection: { status: "CONNECTED" },
    });
    expect(h.fake.oauth.revoked).toHaveLength(2);
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row).toMatchObject({
      calendlyRefreshTokenEnc: null,
      calendlyAccessTokenExpiresAt: null,
      calendlyTokenScopes: null,
    });
  });
});

describe("subscription scope", () => {
  it("an owner's connection may choose organization scope: the hook is created with scope=organization and no user", async () => {
    const ws = await connected("owner");
    await ws.caller.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(h.fake.subscriptions[0]).toMatchObject({ scope: "user", user: ws.user.userUri });

    const view = await ws.caller.integrations.calendly.update({
      workspaceId: ws.id,
      subscriptionScope: "organization",
    });

    expect(view.subscriptionScope).toBe("organization");
    expect(h.fake.subscriptions).toHaveLength(1);
    const org = h.fake.subscriptions[0]!;
    expect(org).toMatchObject({
      callback_url: ws.webhookUrl,
      scope: "organization",
      organization: ws.user.organizationUri,
      user: null,
      state: "active",
    });
    expect([...org.events].sort()).toEqual([...CALENDLY_INVITEE_EVENTS].sort());
    const created = h.fake.requests.filter((r) => r.method === "POST" && r.path === "/webhook_subscriptions");
    expect(created.at(-1)!.body).toMatchObject({ scope: "organization", organization: ws.user.organizationUri });
    expect(created.at(-1)!.body).not.toHaveProperty("user");
    expect(view.subscription.uri).toBe(org.uri);

    // Ensuring again keeps it (listing the organization scope finds it).
    h.fake.reset();
    await ws.caller.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(h.fake.requests.filter((r) => r.method !== "GET")).toEqual([]);
    const listed = h.fake.requests.filter((r) => r.path === "/webhook_subscriptions").map((r) => r.query);
    expect(listed).toContainEqual(
      expect.objectContaining({ scope: "organization", organization: ws.user.organizationUri }),
    );
    expect(listed.find((q) => q.scope === "organization")).not.toHaveProperty("user");

    // And back to user scope: the hook is recreated with scope=user and the user.
    await ws.caller.integrations.calendly.update({ workspaceId: ws.id, subscriptionScope: "user" });
    expect(h.fake.subscriptions).toHaveLength(1);
    expect(h.fake.subscriptions[0]).toMatchObject({ scope: "user", user: ws.user.userUri });
  });

  it("a member's connection may not choose organization scope", async () => {
    const ws = await connected("user");
    const view = await ws.caller.integrations.calendly.get({ workspaceId: ws.id });
    expect(view.organizationScopeAllowed).toBe(false);
    const err = await expectTRPCError(
      ws.caller.integrations.calendly.update({ workspaceId: ws.id, subscriptionScope: "organization" }),
      "PRECONDITION_FAILED",
    );
    expect(fieldErrorsOf(err.cause)?.subscriptionScope?.[0]).toMatch(/owner or admin/);
    await ws.caller.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(h.fake.subscriptions[0]).toMatchObject({ scope: "user", user: ws.user.userUri });
  });

  it("refuses an unknown scope value", async () => {
    const ws = await connected();
    await expectTRPCError(
      ws.caller.integrations.calendly.update({
        workspaceId: ws.id,
        subscriptionScope: "group" as unknown as "user",
      }),
      "BAD_REQUEST",
    );
  });
});
