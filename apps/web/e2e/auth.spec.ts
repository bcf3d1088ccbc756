import { expect, screenshot, test } from "./fixtures";

test.describe("sign-in", () => {
  test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/w/demo_northwind/leads");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fw%2Fdemo_northwind%2Fleads/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("the form validates as the user types and shows a wrong password next to the field", async ({ page }) => {
    await page.goto("/sign-in");
    const email = page.getByLabel("Email");
    await email.fill("admin@demo");
    await expect(page.getByText("Invalid email address")).toBeVisible();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await screenshot(page, "sign-in-validation");

    await email.fill("admin@demo.test");
    await expect(page.getByText("Invalid email address")).toBeHidden();
    await page.getByLabel(/^Password/).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Wrong email or password")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the sign-in page offers no sign-up: accounts come from invitation links", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
    await expect(page.getByText("Open the invitation link your workspace admin sent you")).toBeVisible();
  });

  test("sign-in opens the user's workspace and sign-out ends the session", async ({ page }) => {
    await page.goto("/sign-in");
    await screenshot(page, "sign-in");
    await page.getByLabel("Email").fill("inbox@demo.test");
    await page.getByLabel(/^Password/).fill("demo-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/w\/demo_northwind\/leads$/);

    await expect(page.getByTestId("user-menu")).toContainText("Ira Inbox");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/w/demo_northwind/leads");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
