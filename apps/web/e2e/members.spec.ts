import { DEMO_PASSWORD, DEMO_WORKSPACES } from "@booking/db/seed";
import { e2eEnv } from "./env";
import { expect, screenshot, signIn, test } from "./fixtures";

const NORTHWIND = DEMO_WORKSPACES.northwind;

test("an admin invites a setter, who opens the link, sets a password and works in the workspace as a setter", async ({
  browser,
  page,
}) => {
  await signIn(page, "admin@demo.test");
  await page.goto(`/w/${NORTHWIND}/leads`);
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${NORTHWIND}/settings/members$`));
  await expect(page.getByTestId("members-table")).toContainText("admin@demo.test");

  const invite = page.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("Email").fill("nova@");
  await expect(invite.getByText("Invalid email address")).toBeVisible();
  await invite.getByLabel("Email").fill("Nova.Setter@Northwind.example");
  await invite.getByLabel("Role").selectOption({ label: "Setter" });
  await invite.getByRole("button", { name: "Invite" }).click();

  const issued = page.getByTestId("invite-link");
  await expect(issued).toContainText("nova.setter@northwind.example");
  await issued.getByRole("button", { name: "Copy invite link" }).click();
  const link = await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invitations-table")).toContainText("nova.setter@northwind.example");
  await screenshot(page, "members-invited");

  // Inviting the same person with the same role again is refused next to the field.
  await invite.getByLabel("Email").fill("nova.setter@northwind.example");
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByText(/Already invited with this role/)).toBeVisible();

  // The setter, in a browser of their own.
  const context = await browser.newContext({ baseURL: e2eEnv("E2E_BASE_URL") });
  const setter = await context.newPage();
  await setter.goto(link);
  await expect(setter.getByRole("heading", { name: "Join Northwind Outreach" })).toBeVisible();
  await expect(setter.getByText("as setter")).toBeVisible();
  await screenshot(setter, "invite-accept");
  await setter.getByLabel("Name").fill("Nova Setter");
  await setter.getByLabel(/^Password/).fill("short");
  await expect(setter.getByText("Use at least 8 characters")).toBeVisible();
  await setter.getByLabel(/^Password/).fill("nova-password-123");
  await setter.getByRole("button", { name: "Create account and join" }).click();
  await expect(setter).toHaveURL(new RegExp(`/w/${NORTHWIND}/leads$`));
  await expect(setter.getByTestId("user-menu")).toContainText("Nova Setter");
  // A setter: no Members section, integrations read-only.
  await expect(setter.getByRole("link", { name: "Members" })).toHaveCount(0);
  await setter.goto(`/w/${NORTHWIND}/settings/integrations`);
  await expect(setter.getByTestId("read-only-notice")).toBeVisible();
  await screenshot(setter, "invite-accepted-setter");

  // The link worked once.
  await setter.goto(link);
  await expect(setter.getByText("This invitation has already been used")).toBeVisible();
  await context.close();

  // The admin sees Nova as a member now, and removes her.
  await page.reload();
  const row = page.getByTestId("members-table").getByRole("row", { name: /nova\.setter@northwind\.example/ });
  await expect(row).toContainText("Nova Setter");
  await expect(row).toContainText("Setter");
  await expect(page.getByTestId("invitations-table")).toHaveCount(0);
  await screenshot(page, "members");
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText("nova.setter@northwind.example no longer has access")).toBeVisible();
  await expect(page.getByTestId("members-table")).not.toContainText("nova.setter@northwind.example");
});

test("someone who already has an account signs in from the invitation to accept it", async ({ browser, page }) => {
  const CONTOSO = DEMO_WORKSPACES.contoso;
  await signIn(page, "admin@demo.test");
  await page.goto(`/w/${CONTOSO}/settings/members`);
  const invite = page.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("Email").fill("setter@demo.test");
  await invite.getByLabel("Role").selectOption({ label: "Inbox manager" });
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByLabel("Invite link for setter@demo.test").inputValue();

  const context = await browser.newContext({ baseURL: e2eEnv("E2E_BASE_URL") });
  const sam = await context.newPage();
  await sam.goto(link);
  await expect(sam.getByText("You already have an account: sign in to accept.")).toBeVisible();
  await sam.getByRole("link", { name: "Sign in as setter@demo.test" }).click();
  await expect(sam.getByLabel("Email")).toHaveValue("setter@demo.test");
  await sam.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await sam.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(sam).toHaveURL(/\/invite\//);
  await screenshot(sam, "invite-existing-account");
  await sam.getByRole("button", { name: "Accept invitation" }).click();
  await expect(sam).toHaveURL(new RegExp(`/w/${CONTOSO}/leads$`));
  await expect(sam.getByRole("combobox", { name: "Workspace", exact: true }).locator("option")).toHaveCount(2);
  await context.close();

  // Back to how the seed left it: Sam is a setter of Northwind only.
  await page.reload();
  const row = page.getByTestId("members-table").getByRole("row", { name: /setter@demo\.test/ });
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("members-table")).not.toContainText("setter@demo.test");
});
