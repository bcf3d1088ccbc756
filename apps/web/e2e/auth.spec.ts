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
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await screenshot(page, "sign-in-validation");

    await email.fill("admin@demo.test");
    await expect(page.getByText("Enter a valid email address")).toBeHidden();
    await page.getByLabel(/^Password/).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Wrong email or password")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an email that was not invited cannot create an account", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await page.getByLabel("Name").fill("Stranger");
    await page.getByLabel("Email").fill("stranger@nowhere.example");
    await page.getByLabel(/^Password/).fill("long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator('[aria-invalid="true"], [role="alert"]').first()).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await screenshot(page, "sign-up-refused");
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
