import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD } from "@booking/db/seed";
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import type { DeliverRequest, FailRequest } from "./control-server";
import { e2eEnv } from "./env";

const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), "..", "test-results", "screenshots");

export const test = base.extend({
  // global-setup publishes the URL of the web app it started.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern for the fixtures argument
  baseURL: async ({}, use) => {
    await use(e2eEnv("E2E_BASE_URL"));
  },
});

export { expect };

/** Full-page screenshot kept as an artifact in test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let notifications' and modals' transitions finish.
  await page.waitForTimeout(350);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

// Session cookies per user, so each user signs in through the form once per run (it saves time;
// sign-in throttling is per account and per client address, so it no longer needs dodging).
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const cookies = sessions.get(email);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/");
    await expect(page).toHaveURL(/\/w\/[^/]+\/leads$/);
    return;
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/leads$/);
  sessions.set(email, await page.context().cookies());
}

/** Makes the fake Calendly post a signed webhook to the workspace's subscription callback URL. */
export async function deliverWebhook(input: DeliverRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(`${e2eEnv("E2E_CONTROL_URL")}/deliver`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { status?: number; body?: string; error?: string };
  if (!res.ok || body.status === undefined) throw new Error(`deliver failed: ${res.status} ${body.error ?? ""}`);
  return { status: body.status, body: body.body ?? "" };
}

/** Makes the fake Calendly fail its next `count` requests ("timeout": hang until the caller gives up). */
export async function calendlyFail(count: number, failure: FailRequest["failure"]): Promise<void> {
  const res = await fetch(`${e2eEnv("E2E_CONTROL_URL")}/fail`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count, failure }),
  });
  if (!res.ok) throw new Error(`fail failed: ${res.status}`);
}

/** Forgets the fake Calendly's pending failures. */
export async function calendlyRecover(): Promise<void> {
  await fetch(`${e2eEnv("E2E_CONTROL_URL")}/recover`, { method: "POST" });
}
