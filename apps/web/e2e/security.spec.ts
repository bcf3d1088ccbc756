// The security probe's findings (issue 9), reproduced against the built app over HTTP (Playwright's
// `request`) and, where the browser matters, in Chromium.
import { DEMO_PASSWORD, DEMO_WORKSPACES } from "@booking/db/seed";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import superjson from "superjson";
import { E2E_CALENDLY_TOKEN, e2eEnv } from "./env";
import { calendlyFail, calendlyRecover, expect, screenshot, signIn, test } from "./fixtures";

const base = () => e2eEnv("E2E_BASE_URL");
const json = { "content-type": "application/json" };

/** A workspace provisioned through the admin API; returns each member's invitation link by email. */
async function provision(
  request: APIRequestContext,
  name: string,
  emails: { setterEmails?: string[]; adminEmails?: string[] },
) {
  const res = await request.post("/api/admin/workspaces", {
    headers: { ...json, authorization: `Bearer ${e2eEnv("E2E_ADMIN_API_TOKEN")}` },
    data: { name, ...emails },
  });
  expect(res.status()).toBe(201);
  const { data } = (await res.json()) as { data: { id: string; members: Array<{ email: string; inviteUrl: string }> } };
  return {
    id: data.id,
    links: Object.fromEntries(data.members.map((m) => [m.email, m.inviteUrl])) as Record<string, string>,
  };
}

const tokenOf = (link: string) => link.split("/invite/")[1]!;

function trpc(request: APIRequestContext, path: string, input: unknown, headers: Record<string, string> = {}) {
  return request.post(`/api/trpc/${path}`, {
    headers: { ...json, origin: base(), ...headers },
    data: JSON.stringify(superjson.serialize(input)),
  });
}

async function errorOf(
  res: APIResponse,
): Promise<{ message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } }> {
  const body = (await res.json()) as { error: unknown };
  return superjson.deserialize(body.error as never);
}

const signInApi = (request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) =>
  request.post("/api/auth/sign-in/email", {
    headers: { ...json, origin: base(), ...headers },
    data: { email, password },
  });

async function sessionCookie(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
  client = "192.0.2.10",
) {
  const res = await signInApi(request, email, password, { "x-forwarded-for": client });
  expect(res.status()).toBe(200);
  return res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split(";")[0])
    .join("; ");
}

test.describe("security probe findings", () => {
  test("1. sign-up without an invitation fails identically for unknown, invited and registered emails", async ({
    request,
  }) => {
    await provision(request, "Probe Signup Co", { adminEmails: ["invited-admin@probe.example"] });
    const answers: Array<{ status: number; body: string; ms: number }> = [];
    for (const email of ["unknown@probe.example", "invited-admin@probe.example", "admin@demo.test"]) {
      const started = Date.now();
      const res = await request.post("/api/auth/sign-up/email", {
        headers: { ...json, origin: base() },
        data: { email, password: "long-enough-password", name: "Claimer" },
      });
      answers.push({ status: res.status(), body: await res.text(), ms: Date.now() - started });
    }
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(Math.max(...answers.map((a) => a.ms)) - Math.min(...answers.map((a) => a.ms))).toBeLessThan(200);
  });

  test("1. an invitation works once, expires, and can be revoked", async ({ request }) => {
    const ws = await provision(request, "Probe Invite Co", {
      setterEmails: ["once@probe.example", "late@probe.example", "revoked@probe.example"],
      adminEmails: ["boss@probe.example"],
    });
    const accept = (email: string) =>
      trpc(request, "members.acceptNew", {
        token: tokenOf(ws.links[email]!),
        name: "Person",
        password: "a-good-password",
      });

    expect((await accept("once@probe.example")).status()).toBe(200);
    const again = await accept("once@probe.example");
    expect(again.status()).toBe(412);
    expect((await errorOf(again)).message).toContain("already been used");

    // The admin signs up through their link, then revokes one invitation from the Members API.
    expect((await accept("boss@probe.example")).status()).toBe(200);
    const cookie = await sessionCookie(request, "boss@probe.example", "a-good-password", "192.0.2.11");
    const list = await request.get(
      `/api/trpc/members.list?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ workspaceId: ws.id })))}`,
      { headers: { cookie } },
    );
    const { invitations } = superjson.deserialize<{ invitations: Array<{ id: string; email: string }> }>(
      ((await list.json()) as { result: { data: never } }).result.data,
    );
    const revokedId = invitations.find((i) => i.email === "revoked@probe.example")!.id;
    expect(
      (await trpc(request, "members.revoke", { workspaceId: ws.id, invitationId: revokedId }, { cookie })).status(),
    ).toBe(200);
    const revoked = await accept("revoked@probe.example");
    expect(revoked.status()).toBe(412);
    expect((await errorOf(revoked)).message).toContain("revoked");

    // Expiry: move the invitation's end into the past, as 7 days would.
    const { createDb } = await import("@booking/db");
    const db = createDb({ url: e2eEnv("E2E_DATABASE_URL"), max: 1 });
    await db.invitation.updateMany({
      where: { email: "late@probe.example" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await db.$disconnect();
    const late = await accept("late@probe.example");
    expect(late.status()).toBe(412);
    expect((await errorOf(late)).message).toContain("expired");
    // A made-up token is simply not found.
    const made = await trpc(request, "members.acceptNew", {
      token: "x".repeat(43),
      name: "P",
      password: "a-good-password",
    });
    expect(made.status()).toBe(404);
  });

  test("2. 200 wrong passwords from spoofed addresses are throttled for the account; no global lockout", async ({
    request,
  }) => {
    const ws = await provision(request, "Probe Throttle Co", { setterEmails: ["target@probe.example"] });
    await trpc(request, "members.acceptNew", {
      token: tokenOf(ws.links["target@probe.example"]!),
      name: "Target",
      password: "the-right-password",
    });
    // The owner signed in from their browser before the attack: it keeps a device cookie.
    const owner = await signInApi(request, "target@probe.example", "the-right-password", {
      "x-forwarded-for": "198.51.100.1",
    });
    expect(owner.status()).toBe(200);
    const device = owner
      .headersArray()
      .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("booking_device="))!
      .value.split(";")[0]!;

    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await signInApi(request, "target@probe.example", `guess-${i}`, {
        "x-forwarded-for": `203.0.${Math.floor(i / 250)}.${i % 250}`,
        cookie: "",
      });
      statuses.push(res.status());
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // The right password from a new address is refused while the account is locked…
    const locked = await signInApi(request, "target@probe.example", "the-right-password", {
      "x-forwarded-for": "192.0.2.200",
      cookie: "",
    });
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
    // …but the owner's own browser still gets in, and so does everyone else.
    const ownerAgain = await signInApi(request, "target@probe.example", "the-right-password", {
      "x-forwarded-for": "198.51.100.1",
      cookie: device,
    });
    expect(ownerAgain.status()).toBe(200);
    expect(
      (
        await signInApi(request, "inbox@demo.test", DEMO_PASSWORD, { "x-forwarded-for": "203.0.0.1", cookie: "" })
      ).status(),
    ).toBe(200);
  });

  test("2. one client's failures do not lock out another client; X-Forwarded-For beyond the trusted hop is ignored", async ({
    request,
  }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      // The proxy (TRUST_PROXY=1) appends the real client; what the client wrote on the left is ignored.
      const res = await signInApi(request, `nobody-${i}@probe.example`, "wrong-password", {
        "x-forwarded-for": `10.${i}.0.1, 192.0.2.66`,
        cookie: "",
      });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Another client signs in to another account, and to one the blocked client guessed at.
    expect(
      (
        await signInApi(request, "setter@demo.test", DEMO_PASSWORD, { "x-forwarded-for": "192.0.2.67", cookie: "" })
      ).status(),
    ).toBe(200);
  });

  test("2. the server records the socket's own address (a client cannot forge it)", async ({ request }) => {
    // With no forwarded entry, the client is the peer the web server itself saw (src/server/peer-address.ts).
    const res = await signInApi(request, "inbox@demo.test", DEMO_PASSWORD, {
      "x-forwarded-for": "",
      "x-booking-peer-address": "6.6.6.6",
      cookie: "",
    });
    expect(res.status()).toBe(200);
    const { createDb } = await import("@booking/db");
    const db = createDb({ url: e2eEnv("E2E_DATABASE_URL"), max: 1 });
    const session = await db.session.findFirstOrThrow({
      where: { user: { email: "inbox@demo.test" } },
      orderBy: { createdAt: "desc" },
      select: { ipAddress: true },
    });
    await db.$disconnect();
    expect(session.ipAddress).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  });

  test("3. the sign-in redirect stays on the site", async ({ browser }) => {
    for (const next of ["/%5Cevil.example/", "/%09/evil.example/", "//evil.example/", "https://evil.example/"]) {
      const context = await browser.newContext({ baseURL: base() });
      const page = await context.newPage();
      await page.route(
        (url) => url.hostname.endsWith("evil.example"),
        (route) => route.abort(),
      );
      await page.goto(`/sign-in?next=${encodeURIComponent(decodeURIComponent(next))}`);
      await page.getByLabel("Email").fill("admin@demo.test");
      await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).origin).toBe(new URL(base()).origin);
      await context.close();
    }
  });

  test("4. a 2 MiB tRPC body is refused with 413; a 1,000-call batch with 400", async ({ request }) => {
    const cookie = await sessionCookie(request, "admin@demo.test", DEMO_PASSWORD, "192.0.2.20");
    const big = await trpc(
      request,
      "leads.create",
      { workspaceId: DEMO_WORKSPACES.northwind, name: "x".repeat(2 * 1024 * 1024), email: "big@probe.example" },
      { cookie },
    );
    expect(big.status()).toBe(413);
    const batch = await request.get(`/api/trpc/${Array.from({ length: 1000 }, () => "session.me").join(",")}?batch=1`, {
      headers: { cookie },
    });
    expect(batch.status()).toBe(400);
  });

  test("4. four concurrent 100 MB bodies are refused without the web process holding them", async ({ request }) => {
    const cookie = await sessionCookie(request, "admin@demo.test", DEMO_PASSWORD, "192.0.2.23");
    const { readFileSync } = await import("node:fs");
    const rssMb = () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${e2eEnv("E2E_WEB_PID")}/status`, "utf8"))?.[1] ?? 0) / 1024;
    const before = rssMb();
    const chunk = new Uint8Array(64 * 1024).fill(120);
    const hundredMb = () => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 1600) controller.enqueue(chunk);
          else controller.close();
        },
      });
    };
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb());
    }, 50);
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(() =>
        fetch(`${base()}/api/trpc/leads.create`, {
          method: "POST",
          headers: { ...json, origin: base(), cookie },
          body: hundredMb(),
          duplex: "half",
        } as RequestInit)
          .then((r) => r.status)
          .catch((e: Error) => `${e.message} (${String((e.cause as Error | undefined)?.message)})`),
      ),
    );
    clearInterval(sampler);
    expect(statuses).toEqual([413, 413, 413, 413]);
    console.log(`web RSS: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak during 4 x 100 MB bodies`);
    expect(peak - before).toBeLessThan(100);
  });

  test("5. a NUL character is a 400 with a field error", async ({ request }) => {
    const cookie = await sessionCookie(request, "admin@demo.test", DEMO_PASSWORD, "192.0.2.21");
    const res = await trpc(
      request,
      "leads.create",
      { workspaceId: DEMO_WORKSPACES.northwind, name: "nul \u0000 byte", email: "nul@probe.example" },
      { cookie },
    );
    expect(res.status()).toBe(400);
    expect((await errorOf(res)).data.fieldErrors?.name).toEqual([
      "Must not contain NUL characters or unpaired surrogates",
    ]);
  });

  test("6. pages carry CSP with nonces, frame-ancestors, X-Frame-Options, nosniff and Referrer-Policy", async ({
    page,
    request,
  }) => {
    const res = await request.get("/sign-in");
    const headers = res.headers();
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined(); // served over http here
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(/'nonce-([^']+)'/.exec((await request.get("/sign-in")).headers()["content-security-policy"]!)?.[1]).not.toBe(
      nonce,
    );
    // Behind a trusted proxy that terminated https: HSTS.
    const https = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toContain("max-age=");
    expect((await request.get("/api/auth/get-session")).headers()["x-frame-options"]).toBe("DENY");

    // The app still works under the policy: no CSP violation while a signed-in page renders.
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, "admin@demo.test");
    await page.goto(`/w/${DEMO_WORKSPACES.northwind}/settings/integrations`);
    await expect(page.getByTestId("calendly-card")).toBeVisible();
    expect(violations).toEqual([]);
    // …and cannot be framed.
    await page.setContent(`<iframe src="${base()}/sign-in" style="width:600px;height:400px"></iframe>`);
    await page.waitForTimeout(1000);
    const frame = page.frames().find((f) => f.url().includes("/sign-in"));
    expect(
      (await frame
        ?.locator("h1")
        .count()
        .catch(() => 0)) ?? 0,
    ).toBe(0);
  });

  test("7. a cookie-authenticated mutation from another origin is refused", async ({ request }) => {
    const cookie = await sessionCookie(request, "admin@demo.test", DEMO_PASSWORD, "192.0.2.22");
    const input = { workspaceId: DEMO_WORKSPACES.northwind, name: "Forged Lead", email: "forged@probe.example" };
    const forged = await trpc(request, "leads.create", input, { cookie, origin: "http://evil.example" });
    expect(forged.status()).toBe(403);
    const sameOrigin = await trpc(request, "leads.create", input, { cookie });
    expect(sameOrigin.status()).toBe(200);
  });

  test("8. a slow Calendly ends within the deadline with a truthful message", async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, "admin@demo.test");
    await page.goto(`/w/${DEMO_WORKSPACES.contoso}/settings/integrations`);
    await page.waitForLoadState("networkidle"); // hydrated: typed text is kept
    const calendly = page.getByTestId("calendly-card");
    await calendly.getByLabel("Personal access token").fill(E2E_CALENDLY_TOKEN);
    await calendly.getByRole("button", { name: "Verify and save token" }).click();
    await expect(calendly.getByTestId("connection-status")).toHaveText("Connected");

    await calendlyFail(30, "timeout");
    try {
      const started = Date.now();
      await calendly.getByRole("button", { name: "Test connection" }).click();
      const error = page.getByText(/Calendly did not answer .* within \d+(\.\d)? s/).first();
      await expect(error).toBeVisible({ timeout: 25_000 });
      const elapsed = (Date.now() - started) / 1000;
      expect(elapsed).toBeLessThan(17);
      const said = Number(/within (\d+(?:\.\d)?) s/.exec((await error.textContent()) ?? "")?.[1]);
      expect(said).toBeGreaterThan(10);
      expect(said).toBeLessThanOrEqual(elapsed + 0.5);
      await screenshot(page, "calendly-slow");
    } finally {
      await calendlyRecover();
    }
  });

  test("9. another workspace's page logs one clean line, not an error with a code frame", async ({ page }) => {
    await signIn(page, "setter@demo.test");
    const { readFileSync } = await import("node:fs");
    const { join, dirname } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const log = join(dirname(fileURLToPath(import.meta.url)), "..", "test-results", "logs", "web.log");
    const before = readFileSync(log, "utf8").length;
    await page.goto(`/w/${DEMO_WORKSPACES.contoso}/leads`);
    await expect(page.getByText("Workspace not available")).toBeVisible();
    await page.waitForTimeout(500);
    const added = readFileSync(log, "utf8").slice(before);
    expect(added).not.toContain("⨯");
    expect(added).not.toMatch(/Error: redacted/);
    expect(added).toContain("rsc prefetch leads.list: NOT_FOUND Workspace not found");
  });
});
