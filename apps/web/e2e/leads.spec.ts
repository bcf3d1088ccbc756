// The lead a setter works from: a booking made through Calendly (a signed webhook), found with the
// search box, its page (details and timeline), the message copied with a single-use link, and a
// no-show marked and undone. Runs on its own or after admin.spec.ts (it sets Calendly up if needed).
import { DEMO_WORKSPACES } from "@booking/db/seed";
import type { Page } from "@playwright/test";
import { E2E_CALENDLY_TOKEN, E2E_STRATEGY_EVENT } from "./env";
import { deliverWebhook, expect, screenshot, signIn, test } from "./fixtures";

const NORTHWIND = DEMO_WORKSPACES.northwind;
const LEAD = { name: "Lena Whitfield", email: "lena.whitfield@e2e.example" };
const TEMPLATE = "Hi {{firstName}}! Here is your personal link to book our intro call: {{link}}";

/** Calendly connected, chosen as the provider, with an active subscription (what admin.spec.ts does). */
async function ensureCalendlyBooking(page: Page) {
  await page.goto(`/w/${NORTHWIND}/settings/integrations`);
  const calendly = page.getByTestId("calendly-card");
  await expect(
    calendly.getByTestId("connection-status").or(calendly.getByLabel("Personal access token")).first(),
  ).toBeVisible();
  if (!(await calendly.getByTestId("token-masked").isVisible())) {
    await calendly.getByLabel("Personal access token").fill(E2E_CALENDLY_TOKEN);
    await calendly.getByRole("button", { name: "Verify and save token" }).click();
    await expect(calendly.getByTestId("connection-status")).toHaveText("Connected");
  }
  const booking = page.getByTestId("meeting-booking-card");
  if (!(await booking.getByRole("radio", { name: "Calendly" }).isChecked())) {
    await booking.getByRole("radio", { name: "Calendly" }).check();
    await booking
      .getByLabel("Event type", { exact: true })
      .selectOption({ label: `${E2E_STRATEGY_EVENT.name} (${E2E_STRATEGY_EVENT.duration} min)` });
    await booking.getByRole("button", { name: "Save meeting booking" }).click();
    await expect(page.getByText("Leads now book through Calendly.")).toBeVisible();
  }
  if ((await calendly.getByTestId("subscription-state").textContent()) !== "Active") {
    await calendly.getByRole("button", { name: /Ensure subscription|Repair/ }).click();
    await expect(calendly.getByTestId("subscription-state")).toHaveText("Active");
  }
}

test.describe
  .serial("a setter works a booked lead", () => {
    test("an admin sets the booking message, validated as they type", async ({ page }) => {
      await signIn(page, "admin@demo.test");
      await ensureCalendlyBooking(page);
      const card = page.getByTestId("message-template-card");
      const message = card.getByLabel("Message");
      await message.fill("Hi {{firstName}}, book here: {{lnk}}");
      await expect(card.getByText(/The message must contain \{\{link\}\}/)).toBeVisible();
      await expect(card.getByText(/Unknown placeholder \{\{lnk\}\}/)).toBeVisible();
      await expect(message).toHaveAttribute("aria-invalid", "true");
      await screenshot(page, "lead-message-template-validation");
      await message.fill(TEMPLATE);
      await expect(card.getByTestId("message-preview")).toContainText("Hi Maria! Here is your personal link");
      await card.getByRole("button", { name: "Save message" }).click();
      await expect(page.getByText("Setters will copy this message.")).toBeVisible();
      await screenshot(page, "lead-message-template");
    });

    test("finds the lead Calendly booked and opens its page: details and timeline", async ({ page }) => {
      const delivery = await deliverWebhook({ workspaceId: NORTHWIND, ...LEAD });
      expect(delivery.status).toBe(200);

      await signIn(page, "setter@demo.test");
      await page.goto(`/w/${NORTHWIND}/leads`);
      await page.getByLabel("Search leads").fill("whitf");
      const table = page.getByTestId("leads-table");
      await expect(table.getByTestId("lead-row")).toHaveCount(1);
      const row = table.getByRole("row", { name: new RegExp(LEAD.name) });
      await expect(row).toContainText("Booked");
      await screenshot(page, "lead-search");

      await row.getByRole("link", { name: LEAD.name }).click();
      await expect(page).toHaveURL(new RegExp(`/w/${NORTHWIND}/leads/[^/]+$`));

      await expect(page.getByRole("heading", { name: LEAD.name, level: 1 })).toBeVisible();
      const appointment = page.getByTestId("lead-appointment");
      await expect(appointment.getByTestId("lead-status")).toHaveText("Booked");
      await expect(appointment.getByTestId("lead-event")).toHaveText("30 Minute Discovery Call");
      await expect(appointment.getByRole("link", { name: "Join the meeting" })).toHaveAttribute(
        "href",
        "https://calendly.com/events/x/google_meet",
      );
      await expect(appointment.getByTestId("lead-host")).toContainText("Sam Rep · sam.rep@acme.example");
      await expect(page.getByTestId("lead-answers")).toContainText("Company size");
      await expect(page.getByTestId("lead-answers")).toContainText("11-50");

      const timeline = page.getByTestId("lead-timeline");
      const booked = timeline.getByTestId("timeline-entry").first();
      await expect(booked).toContainText("Booked");
      await expect(booked).toContainText("Applied");
      await expect(booked).toContainText(/Status: .* → Booked/);
      await expect(booked.getByTestId("timeline-event-id")).toHaveText(/^Inbox event \S+$/);
      await screenshot(page, "lead-page");
    });

    test("copies the message with a single-use link, then marks a no-show and undoes it", async ({ page }) => {
      await signIn(page, "setter@demo.test");
      await page.goto(`/w/${NORTHWIND}/leads`);
      await page.getByLabel("Search leads").fill(LEAD.email);
      await page.getByTestId("leads-table").getByRole("link", { name: LEAD.name }).click();
      await expect(page).toHaveURL(new RegExp(`/w/${NORTHWIND}/leads/[^/]+$`));
      const leadId = page.url().split("/").at(-1)!;
      const actions = page.getByTestId("lead-actions");
      await expect(actions.getByRole("radio", { name: "Single-use link" })).toBeChecked();

      await actions.getByRole("button", { name: "Copy message" }).click();
      await expect(page.getByText("Message copied")).toBeVisible();
      const copied = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(copied).toMatch(
        /^Hi Lena! Here is your personal link to book our intro call: https:\/\/calendly\.com\/d\//,
      );
      const link = new URL(copied.slice(copied.indexOf("https://")));
      expect(link.searchParams.get("utm_content")).toBe(leadId);
      expect(link.searchParams.get("email")).toBe(LEAD.email);
      await expect(actions.getByTestId("copied-text")).toHaveText(copied);
      await expect(actions.getByTestId("single-use-link-state")).toContainText("it will be sent again");
      await screenshot(page, "lead-message-copied");

      // The same link again: the single-use link is reused until the lead books.
      await actions.getByRole("button", { name: "Copy link" }).click();
      await expect(actions.getByTestId("copied-text")).toHaveText(link.toString());

      await actions.getByRole("button", { name: "Mark as no-show" }).click();
      await screenshot(page, "lead-no-show-confirm");
      await actions.getByRole("button", { name: "Mark no-show" }).click();
      await expect(page.getByText(`${LEAD.name} is marked as a no-show, here and in Calendly.`)).toBeVisible();
      await expect(page.getByTestId("lead-appointment").getByTestId("lead-status")).toHaveText("No-show");
      await expect(page.getByTestId("lead-appointment")).toContainText("Yes, marked in Calendly");
      await screenshot(page, "lead-no-show");

      await actions.getByRole("button", { name: "Undo no-show" }).click();
      await expect(page.getByTestId("lead-appointment").getByTestId("lead-status")).toHaveText("Booked");
      await expect(actions.getByRole("button", { name: "Mark as no-show" })).toBeVisible();
    });

    test("an inbox manager sees the lead but cannot mark a no-show; an unknown lead is not found", async ({ page }) => {
      await signIn(page, "inbox@demo.test");
      await page.goto(`/w/${NORTHWIND}/leads`);
      await page.getByLabel("Search leads").fill("lena");
      await page.getByTestId("leads-table").getByRole("link", { name: LEAD.name }).click();
      await expect(page.getByTestId("lead-actions")).toContainText("Setters and admins mark no-shows.");
      await expect(page.getByRole("button", { name: "Mark as no-show" })).toHaveCount(0);

      await page.goto(`/w/${NORTHWIND}/leads/does-not-exist`);
      await expect(page.getByText("Lead not found")).toBeVisible();
      await screenshot(page, "lead-not-found");
    });
  });
