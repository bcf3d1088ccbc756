// An axe audit of every page of the web app, in the states a user meets: with a validation error
// shown, with a search and a filter, a dialog open, read-only for a setter, and the error and
// not-found states. Every rule axe has runs (WCAG 2.x A/AA and best practices); no serious or
// critical violation may remain, and each audit prints its figures by impact, so CI shows them.
// It leaves the seeded data as it found it (the invitation it makes is revoked).
import AxeBuilder from "@axe-core/playwright";
import { DEMO_WORKSPACES } from "@booking/db/seed";
import type { Page } from "@playwright/test";
import { expect, screenshot, signIn, test } from "./fixtures";

const NORTHWIND = DEMO_WORKSPACES.northwind;
const IMPACTS = ["critical", "serious", "moderate", "minor"] as const;

/** Waits until the page has no loading placeholder left, then audits it. */
async function audit(page: Page, name: string): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // Let transitions (dialogs, notifications) finish: axe reads colors mid-fade otherwise.
  await page.waitForTimeout(300);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const counts = Object.fromEntries(IMPACTS.map((impact) => [impact, 0]));
  for (const v of violations) counts[v.impact ?? "minor"] = (counts[v.impact ?? "minor"] ?? 0) + v.nodes.length;
  console.log(
    `axe ${name.padEnd(34)} ${IMPACTS.map((impact) => `${impact} ${counts[impact]}`).join(", ")}` +
      (violations.length ? `  [${violations.map((v) => `${v.id}×${v.nodes.length}`).join(" ")}]` : ""),
  );
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    })),
    `serious or critical axe violations on ${name}`,
  ).toEqual([]);
}

test.describe
  .serial("accessibility (axe) of every page", () => {
    test("sign-in, with a validation error shown", async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill("admin@demo");
      await expect(page.getByText("Invalid email address")).toBeVisible();
      await audit(page, "sign-in (validation error)");
      await page.getByLabel("Email").fill("admin@demo.test");
      await page.getByLabel(/^Password/).fill("not-the-password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByText("Wrong email or password")).toBeVisible();
      await audit(page, "sign-in (wrong password)");
    });

    test("leads: the list, with a search and a filter, and the New lead dialog", async ({ page }) => {
      await signIn(page, "admin@demo.test");
      await page.goto(`/w/${NORTHWIND}/leads`);
      await expect(page.getByTestId("leads-table")).toBeVisible();
      await audit(page, "leads");

      await page.getByTestId("leads-search").fill("hannah");
      await page.getByLabel("Appointment status").selectOption({ label: "Booked" });
      await expect(page.getByTestId("lead-row")).toHaveCount(1);
      await audit(page, "leads (search + filter)");

      await page.getByLabel("Appointment status").selectOption({ label: "No-show" });
      await expect(page.getByText("No leads match “hannah”")).toBeVisible();
      await audit(page, "leads (nothing matches)");

      await page.getByLabel("Appointment status").selectOption({ label: "All statuses" });
      await page.getByTestId("leads-search").fill("");
      await page.getByRole("button", { name: "New lead" }).first().click();
      const dialog = page.getByRole("dialog", { name: "New lead" });
      await dialog.getByLabel("Email").fill("not-an-email");
      await expect(dialog.getByText("Invalid email address")).toBeVisible();
      await audit(page, "leads (New lead dialog, error)");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
    });

    test("the lead page of a booked lead, and a lead that does not exist", async ({ page }) => {
      await signIn(page, "admin@demo.test");
      await page.goto(`/w/${NORTHWIND}/leads`);
      await page.getByTestId("leads-table").getByRole("link", { name: "Hannah Kim" }).click();
      await expect(page.getByRole("heading", { name: "Hannah Kim", level: 1 })).toBeVisible();
      await expect(page.getByTestId("lead-appointment").getByTestId("lead-status")).toHaveText("Booked");
      await screenshot(page, "a11y-lead-page");
      await audit(page, "lead page (booked)");

      await page.goto(`/w/${NORTHWIND}/leads/no-such-lead`);
      await expect(page.getByText("Lead not found")).toBeVisible();
      await audit(page, "lead page (not found)");
    });

    test("inbox", async ({ page }) => {
      await signIn(page, "admin@demo.test");
      await page.goto(`/w/${NORTHWIND}/inbox`);
      await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
      await screenshot(page, "a11y-inbox");
      await audit(page, "inbox");
      await page.getByRole("button", { name: "Reconcile with Calendly" }).click();
      await expect(page.getByRole("dialog", { name: "Reconcile with Calendly" })).toBeVisible();
      await audit(page, "inbox (Reconcile dialog)");
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    });

    test("integrations (settings) as an admin", async ({ page }) => {
      await signIn(page, "admin@demo.test");
      await page.goto(`/w/${NORTHWIND}/settings`);
      await expect(page).toHaveURL(/\/settings\/integrations$/);
      await expect(page.getByTestId("calendly-card")).toBeVisible();
      await expect(page.getByTestId("message-template-card")).toBeVisible();
      await page.getByTestId("calendly-card").getByLabel("Personal access token").fill("abc");
      await expect(page.getByText("This does not look like a Calendly access token (too short)")).toBeVisible();
      await screenshot(page, "a11y-integrations");
      await audit(page, "integrations (admin, token error)");
    });

    test("members, with an invitation issued, and the invitation page", async ({ page, browser }) => {
      await signIn(page, "admin@demo.test");
      await page.goto(`/w/${NORTHWIND}/settings/members`);
      await expect(page.getByTestId("members-table")).toBeVisible();
      await audit(page, "members");

      const invite = page.getByRole("form", { name: "Invite a member" });
      await invite.getByLabel("Email").fill("axe.audit@northwind.example");
      await invite.getByRole("button", { name: "Invite" }).click();
      const link = await page.getByLabel("Invite link for axe.audit@northwind.example").inputValue();
      await screenshot(page, "a11y-members-invited");
      await audit(page, "members (invitation issued)");

      const context = await browser.newContext();
      const visitor = await context.newPage();
      await visitor.goto(link);
      await expect(visitor.getByRole("heading", { name: "Join Northwind Outreach" })).toBeVisible();
      await visitor.getByLabel(/^Password/).fill("short");
      await expect(visitor.getByText("Use at least 8 characters")).toBeVisible();
      await screenshot(visitor, "a11y-invite");
      await audit(visitor, "invitation (new account, error)");
      await visitor.goto(`${new URL(link).origin}/invite/not-a-real-token`);
      await expect(visitor.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
      await audit(visitor, "invitation (not valid)");
      await context.close();

      // Back to how the seed left it: no pending invitation.
      const row = page.getByTestId("invitations-table").getByRole("row", { name: /axe\.audit@northwind\.example/ });
      await row.getByRole("button", { name: "Revoke" }).click();
      await page.getByRole("button", { name: "Revoke invitation" }).click();
      await expect(page.getByTestId("invitations-table")).toHaveCount(0);
    });

    test("integrations as a setter (read-only)", async ({ page }) => {
      await signIn(page, "setter@demo.test");
      await page.goto(`/w/${NORTHWIND}/settings/integrations`);
      await expect(page.getByTestId("read-only-notice")).toBeVisible();
      await expect(page.getByTestId("calendly-card")).toBeVisible();
      await screenshot(page, "a11y-integrations-setter");
      await audit(page, "integrations (setter, read-only)");
    });

    test("error and not-found states", async ({ page }) => {
      await signIn(page, "setter@demo.test");
      await page.goto("/w/no-such-workspace/leads");
      await expect(page.getByText("Workspace not available")).toBeVisible();
      await audit(page, "workspace not available");

      await page.goto("/this-page-does-not-exist");
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await audit(page, "not found (404)");
    });
  });
