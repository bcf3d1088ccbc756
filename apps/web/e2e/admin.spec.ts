import { DEMO_WORKSPACES } from "@booking/db/seed";
import { E2E_CALENDLY_TOKEN, E2E_STRATEGY_EVENT } from "./env";
import { deliverWebhook, expect, screenshot, signIn, test } from "./fixtures";

const NORTHWIND = DEMO_WORKSPACES.northwind;
const BOOKED_LEAD = { name: "Nia Booker", email: "nia.booker@e2e.example" };

// One admin journey, in order: each step builds on the state the previous one left.
test.describe
  .serial("a workspace admin", () => {
    test.beforeEach(async ({ page }) => {
      await signIn(page, "admin@demo.test");
    });

    test("sees the leads of a workspace and switches to another one", async ({ page }) => {
      await page.goto(`/w/${NORTHWIND}/leads`);
      const table = page.getByTestId("leads-table");
      await expect(table.getByRole("row", { name: /Hannah Kim/ })).toContainText("Booked");
      await expect(table.getByRole("row", { name: /Grace Obi/ })).toContainText("Canceled");
      await screenshot(page, "leads");

      await page.getByLabel("Appointment status").selectOption({ label: "No-show" });
      await expect(table.getByTestId("lead-row")).toHaveCount(1);
      await expect(table).toContainText("Noor Haddad");

      const switcher = page.getByRole("combobox", { name: "Workspace", exact: true });
      await expect(switcher.locator("option")).toHaveCount(2);
      await expect(switcher.locator("option", { hasText: "Contoso Growth" })).toHaveCount(1);
      await switcher.selectOption({ label: "Contoso Growth" });
      await expect(page).toHaveURL(/\/w\/demo_contoso\/leads$/);
      await expect(page.getByText("Appointment status of every lead in Contoso Growth.")).toBeVisible();
      await expect(page.getByTestId("leads-table")).toContainText("Olivia Chen");
      await expect(page.getByTestId("leads-table")).not.toContainText("Hannah Kim");
    });

    test("creates a lead, with validation as they type", async ({ page }) => {
      await page.goto(`/w/${NORTHWIND}/leads`);
      await page.getByRole("button", { name: "New lead" }).first().click();
      const dialog = page.getByRole("dialog", { name: "New lead" });
      await dialog.getByLabel("Email").fill("ravi@");
      await expect(dialog.getByText("Invalid email address")).toBeVisible();
      await screenshot(page, "leads-create-validation");
      await dialog.getByLabel("Name").fill("Ravi Menon");
      await dialog.getByLabel("Email").fill("Ravi.Menon@Fourth.example");
      await dialog.getByRole("button", { name: "Create lead" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText("Ravi Menon was added.")).toBeVisible();
      await expect(page.getByTestId("leads-table").getByRole("row", { name: /Ravi Menon/ })).toContainText(
        "ravi.menon@fourth.example",
      );
    });

    test("connects Calendly with a token, tests the connection and picks an event type", async ({ page }) => {
      await page.goto(`/w/${NORTHWIND}/settings/integrations`);
      const calendly = page.getByTestId("calendly-card");
      const token = calendly.getByLabel("Personal access token");

      // Client-side validation, as the user types.
      await token.fill("abc");
      await expect(calendly.getByText("This does not look like a Calendly access token (too short)")).toBeVisible();
      await screenshot(page, "integrations-validation");

      // A well-formed token Calendly rejects: the server's error lands next to the field.
      await token.fill("revoked-token-0000000000000000000000");
      await calendly.getByRole("button", { name: "Verify and save token" }).click();
      await expect(token).toHaveAttribute("aria-invalid", "true");
      await expect(
        calendly
          .getByText(/token/i)
          .filter({ hasText: /rejected|revoked|invalid|expired/i })
          .first(),
      ).toBeVisible();
      await screenshot(page, "integrations-token-rejected");

      await token.fill(E2E_CALENDLY_TOKEN);
      await calendly.getByRole("button", { name: "Verify and save token" }).click();
      await expect(calendly.getByTestId("token-masked")).toContainText(E2E_CALENDLY_TOKEN.slice(-4));
      await expect(calendly.getByTestId("connection-status")).toHaveText("Connected");
      await expect(calendly.getByText("Northwind Calendly · calendly@northwind.example")).toBeVisible();

      await calendly.getByRole("button", { name: "Test connection" }).click();
      await expect(page.getByText(/Connected as Northwind Calendly .*2 event types found/)).toBeVisible();

      // Meeting Booking: Calendly, with the event type picked from what Calendly lists.
      const booking = page.getByTestId("meeting-booking-card");
      await booking.getByRole("radio", { name: "Calendly" }).check();
      await booking
        .getByLabel("Event type", { exact: true })
        .selectOption({ label: `${E2E_STRATEGY_EVENT.name} (${E2E_STRATEGY_EVENT.duration} min)` });
      await expect(booking.getByLabel("Scheduling link")).toHaveValue(E2E_STRATEGY_EVENT.scheduling_url);
      await expect(booking.getByLabel("Event type URI")).toHaveValue(
        /^https:\/\/api\.calendly\.com\/event_types\/[A-Za-z0-9-]+$/,
      );

      // A link typed by hand is validated as the user types.
      await booking.getByLabel("Scheduling link").fill("https://example.com/intro");
      await expect(
        booking.getByText("Must be a Calendly scheduling link like https://calendly.com/<user>/<event-type>"),
      ).toBeVisible();
      await booking.getByLabel("Scheduling link").fill(E2E_STRATEGY_EVENT.scheduling_url);
      await expect(booking.getByText("Must be a Calendly scheduling link", { exact: false })).toBeHidden();

      await booking.getByRole("button", { name: "Save meeting booking" }).click();
      await expect(page.getByText("Leads now book through Calendly.")).toBeVisible();
      await expect(calendly.getByRole("switch", { name: "Calendly integration enabled" })).toBeChecked();
    });

    test("ensures the webhook subscription", async ({ page }) => {
      await page.goto(`/w/${NORTHWIND}/settings/integrations`);
      const calendly = page.getByTestId("calendly-card");
      await expect(calendly.getByTestId("webhook-url")).toHaveValue(new RegExp(`/webhooks/calendly/${NORTHWIND}$`));
      await expect(calendly.getByTestId("subscription-state")).toHaveText("Not subscribed");
      await calendly.getByRole("button", { name: "Ensure subscription" }).click();
      await expect(calendly.getByTestId("subscription-state")).toHaveText("Active");
      await expect(page.getByText("Webhook subscription ready")).toBeVisible();
      await calendly.getByRole("button", { name: "Check status" }).click();
      await expect(page.getByText("Calendly reports the subscription as active.")).toBeVisible();
      await screenshot(page, "integrations");
    });

    test("sees a lead booked by a signed Calendly webhook, and its delivery in the inbox", async ({ page }) => {
      const delivery = await deliverWebhook({ workspaceId: NORTHWIND, ...BOOKED_LEAD });
      expect(delivery.status).toBe(200);

      await page.goto(`/w/${NORTHWIND}/leads`);
      const row = page.getByTestId("leads-table").getByRole("row", { name: new RegExp(BOOKED_LEAD.name) });
      await expect(row).toContainText("Booked");
      await expect(row).toContainText("Calendly");
      await expect(row).toContainText(BOOKED_LEAD.email);
      await screenshot(page, "leads-booked");

      await row.getByRole("button", { name: `Copy booking link for ${BOOKED_LEAD.name}` }).click();
      await expect(page.getByText("Link copied")).toBeVisible();
      const copied = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(copied).toContain(E2E_STRATEGY_EVENT.scheduling_url);

      await page.getByRole("link", { name: "Inbox" }).click();
      const deliveryRow = page.getByTestId("deliveries-table").getByRole("row", { name: /invitee\.created/ });
      await expect(deliveryRow).toContainText(BOOKED_LEAD.email);
      await expect(deliveryRow).toContainText("Processed");
      await screenshot(page, "inbox");

      await page.getByRole("button", { name: "Reconcile with Calendly" }).click();
      const dialog = page.getByRole("dialog", { name: "Reconcile with Calendly" });
      await dialog.getByRole("button", { name: "Run reconcile" }).click();
      await expect(dialog.getByTestId("reconcile-result").or(dialog.getByRole("alert"))).toBeVisible();
      await screenshot(page, "inbox-reconcile");
      await dialog.getByRole("button", { name: /Close|Cancel/ }).click();

      await page.getByRole("link", { name: "Integrations" }).click();
      await expect(page.getByTestId("last-delivery")).not.toHaveText("No delivery yet");
    });
  });
