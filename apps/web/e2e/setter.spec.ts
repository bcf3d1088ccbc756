import { expect, screenshot, signIn, test } from "./fixtures";

test.describe("a setter", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "setter@demo.test");
  });

  test("sees only its own workspace", async ({ page }) => {
    const switcher = page.getByRole("combobox", { name: "Workspace", exact: true });
    await expect(switcher.locator("option")).toHaveCount(1);
    await expect(switcher.locator("option")).toHaveText("Northwind Outreach");
  });

  test("sees the integrations read-only and cannot edit them", async ({ page }) => {
    await page.goto("/w/demo_northwind/settings/integrations");
    await expect(page.getByTestId("read-only-notice")).toBeVisible();
    const booking = page.getByTestId("meeting-booking-card");
    await expect(booking).toBeVisible();
    await expect(booking.getByRole("button", { name: "Save meeting booking" })).toHaveCount(0);
    // Whichever provider the admin chose, its fields are read-only and the provider cannot change.
    await expect(booking.getByRole("radio", { name: "Calendly" })).toBeDisabled();
    await expect(booking.getByRole("radio", { name: "GoHighLevel" })).toBeDisabled();
    const fields = booking.getByRole("textbox");
    await expect(fields.first()).toBeVisible();
    for (const field of await fields.all()) await expect(field).toHaveAttribute("readonly", "");
    const calendly = page.getByTestId("calendly-card");
    await expect(calendly.getByRole("switch", { name: "Calendly integration enabled" })).toBeDisabled();
    await expect(
      calendly.getByRole("button", { name: /Verify and save token|Replace|Remove|Ensure subscription|Repair/ }),
    ).toHaveCount(0);
    await screenshot(page, "integrations-setter");
  });

  test("cannot replay or reconcile in the inbox", async ({ page }) => {
    await page.goto("/w/demo_northwind/inbox");
    await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Reconcile with Calendly" })).toHaveCount(0);
  });
});
