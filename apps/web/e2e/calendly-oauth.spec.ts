// Connect with Calendly (OAuth on the fake's consent page) and the self-healing subscription, in
// the Contoso workspace (the admin journey in admin.spec.ts uses Northwind and a personal token).
import { DEMO_WORKSPACES } from "@booking/db/seed";
import { E2E_OAUTH_EVENT, E2E_OAUTH_USER, e2eCalendlyUrl } from "./calendly-oauth-env";
import { expect, screenshot, signIn, test } from "./fixtures";

const CONTOSO = DEMO_WORKSPACES.contoso;
const INTEGRATIONS = `/w/${CONTOSO}/settings/integrations`;
const MISSED = { name: "Lara Late", email: "lara.late@contoso-lead.example" };

async function fakeControl(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${e2eCalendlyUrl()}/__fake/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake control ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

test.describe
  .serial("Calendly connected with OAuth", () => {
    test.beforeEach(async ({ page }) => {
      await signIn(page, "admin@demo.test");
    });

    test("a consent declined on Calendly says so and connects nothing", async ({ page }) => {
      await page.goto(INTEGRATIONS);
      const calendly = page.getByTestId("calendly-card");
      await expect(calendly.getByRole("link", { name: "Connect with Calendly" })).toBeVisible();
      // The personal access token stays possible, under the OAuth button.
      await expect(calendly.getByText("Use a personal access token instead")).toBeVisible();
      await expect(calendly.getByLabel("Personal access token")).toBeVisible();
      await screenshot(page, "calendly-connect-options");

      await calendly.getByRole("link", { name: "Connect with Calendly" }).click();
      await expect(page.getByRole("heading", { name: "Authorize access to Calendly" })).toBeVisible();
      await page.getByRole("button", { name: "Deny" }).click();
      await expect(page.getByRole("heading", { name: "Calendly access was not granted" })).toBeVisible();
      await expect(page.getByTestId("calendly-oauth-message")).toHaveText(/access was declined/);
      await screenshot(page, "calendly-oauth-denied");
      await page.getByRole("link", { name: "Back to Integrations" }).click();
      await expect(page).toHaveURL(new RegExp(`${INTEGRATIONS}$`));
      await expect(
        page.getByTestId("calendly-card").getByRole("link", { name: "Connect with Calendly" }),
      ).toBeVisible();
    });

    test("connects with Calendly: consent on Calendly, back on Integrations, connected", async ({ page }) => {
      await page.goto(INTEGRATIONS);
      await page.getByTestId("calendly-card").getByRole("link", { name: "Connect with Calendly" }).click();

      // Calendly's consent page (the fake's), for the Calendly user who signs in there.
      await expect(page.getByRole("heading", { name: "Authorize access to Calendly" })).toBeVisible();
      await expect(page.getByText(E2E_OAUTH_USER.name)).toBeVisible();
      await expect(page.getByRole("list", { name: "Requested permissions" })).toContainText("webhooks:write");
      await screenshot(page, "calendly-oauth-consent");
      await page.getByRole("button", { name: "Allow" }).click();

      await expect(page).toHaveURL(new RegExp(`${INTEGRATIONS}$`));
      const calendly = page.getByTestId("calendly-card");
      await expect(calendly.getByText("Connected with Calendly")).toBeVisible();
      await expect(calendly.getByTestId("calendly-user")).toHaveText(
        `${E2E_OAUTH_USER.name} · ${E2E_OAUTH_USER.email}`,
      );
      await expect(calendly.getByTestId("calendly-role")).toHaveText("Organization owner");
      await expect(calendly.getByTestId("connection-status")).toHaveText("Connected");
      await expect(page.getByText(`Connected to Calendly as ${E2E_OAUTH_USER.name}.`)).toBeVisible();
      await expect(calendly.getByTestId("integration-event").first()).toHaveAttribute("data-kind", "CONNECTED");
      // No token field once connected, and nothing secret on the page.
      await expect(calendly.getByLabel("Personal access token")).toHaveCount(0);
      await expect(calendly.getByTestId("token-masked")).toHaveCount(0);
      await screenshot(page, "calendly-oauth-connected");

      await calendly.getByRole("button", { name: "Test connection" }).click();
      await expect(
        page.getByText(new RegExp(`Connected as ${E2E_OAUTH_USER.name} .*1 event type found`)),
      ).toBeVisible();
    });

    test("the worker replaces a disabled subscription and recovers the booking Calendly never delivered", async ({
      page,
    }) => {
      await page.goto(INTEGRATIONS);
      const booking = page.getByTestId("meeting-booking-card");
      await booking.getByRole("radio", { name: "Calendly" }).check();
      await booking
        .getByLabel("Event type", { exact: true })
        .selectOption({ label: `${E2E_OAUTH_EVENT.name} (${E2E_OAUTH_EVENT.duration} min)` });
      await booking.getByRole("button", { name: "Save meeting booking" }).click();
      await expect(page.getByText("Leads now book through Calendly.")).toBeVisible();

      // An owner's connection may subscribe to every host of the organization.
      const calendly = page.getByTestId("calendly-card");
      await calendly.getByRole("radio", { name: "Every host in the organization" }).check();
      await expect(page.getByText("Subscription scope saved")).toBeVisible();
      await calendly.getByRole("button", { name: "Ensure subscription" }).click();
      await expect(calendly.getByTestId("subscription-state")).toHaveText("Active");
      await expect(calendly.getByText("Organization (every host)")).toBeVisible();
      const original = (await calendly.getByTestId("subscription-uri").textContent())?.trim();
      expect(original).toMatch(/\/webhook_subscriptions\//);

      // Calendly gives up on the hook, and a lead books meanwhile: Calendly never delivers it.
      const disabledAt = Date.now();
      await fakeControl("subscriptions/disable", { callbackUrlEndsWith: `/webhooks/calendly/${CONTOSO}` });
      await fakeControl("scheduled_events", {
        hostEmail: E2E_OAUTH_USER.email,
        start_time: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        event_type: E2E_OAUTH_EVENT.uri,
        invitees: [MISSED],
      });

      // Within a health interval (3 s here) the worker replaces the hook and reconciles the gap.
      await expect(async () => {
        await page.reload();
        const card = page.getByTestId("calendly-card");
        await expect(card.getByTestId("subscription-state")).toHaveText("Active", { timeout: 2_000 });
        await expect(card.getByTestId("subscription-uri")).not.toHaveText(original!, { timeout: 2_000 });
        await expect(card.locator('[data-kind="RECONCILED"]').first()).toContainText("1 booking recovered", {
          timeout: 2_000,
        });
      }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
      const healedInMs = Date.now() - disabledAt;
      console.log(
        `self-healed (hook replaced, gap reconciled, page shows it) ${healedInMs} ms after the hook was disabled`,
      );
      expect(healedInMs).toBeLessThan(20_000);
      const repaired = calendly.locator('[data-kind="SUBSCRIPTION_REPAIRED"]').first();
      await expect(repaired).toContainText(/Calendly had disabled the old one/);
      await expect(repaired).toContainText("automatic");
      await screenshot(page, "calendly-self-healed");

      // The booking Calendly never delivered is on its lead, and in the inbox as a reconciliation.
      await page.goto(`/w/${CONTOSO}/leads`);
      const row = page.getByTestId("leads-table").getByRole("row", { name: new RegExp(MISSED.name) });
      await expect(row).toContainText("Booked");
      await expect(row).toContainText(MISSED.email);
      await page.goto(`/w/${CONTOSO}/inbox`);
      const delivery = page.getByTestId("deliveries-table").getByRole("row", { name: new RegExp(MISSED.email) });
      await expect(delivery).toContainText("invitee.created");
      await expect(delivery).toContainText("via reconcile");
      await screenshot(page, "calendly-self-healed-inbox");
    });

    test("shows what Calendly refuses (missing scopes, then revoked access) and reconnects", async ({ page }) => {
      await page.goto(INTEGRATIONS);
      const calendly = page.getByTestId("calendly-card");
      const banner = calendly.getByTestId("reconnect-banner");
      await expect(banner).toHaveCount(0);

      // The connection loses a permission (`:write` implies `:read`, so both go): the worker's next
      // check is refused with required_scopes.
      await fakeControl("oauth/drop-scopes", { scopes: ["webhooks:read", "webhooks:write"] });
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId("reconnect-banner")).toContainText("Calendly needs more permissions", {
          timeout: 2_000,
        });
      }).toPass({ timeout: 20_000, intervals: [1_000] });
      await expect(banner.getByTestId("missing-scopes")).toHaveText("Reconnect to grant: webhooks:read");
      await screenshot(page, "calendly-missing-scopes");

      // Then the app is removed in Calendly: the refresh is refused, and the worker stops.
      await fakeControl("oauth/revoke-all", {});
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId("connection-status")).toHaveText("Reconnect needed", { timeout: 2_000 });
      }).toPass({ timeout: 20_000, intervals: [1_000] });
      await expect(banner).toContainText("Reconnect needed");
      await expect(calendly.locator('[data-kind="RECONNECT_NEEDED"]').first()).toContainText("reconnect Calendly");
      await screenshot(page, "calendly-reconnect-needed");

      await banner.getByRole("link", { name: "Reconnect Calendly" }).click();
      await page.getByRole("button", { name: "Allow" }).click();
      await expect(page).toHaveURL(new RegExp(`${INTEGRATIONS}$`));
      await expect(calendly.getByTestId("connection-status")).toHaveText("Connected");
      await expect(calendly.getByTestId("reconnect-banner")).toHaveCount(0);
      // The same Calendly user: the subscription stays.
      await expect(calendly.getByTestId("subscription-state")).toHaveText("Active");
    });

    test("disconnects: access revoked, subscription removed, Connect offered again", async ({ page }) => {
      await page.goto(INTEGRATIONS);
      const calendly = page.getByTestId("calendly-card");
      // Book through GoHighLevel again first, so Calendly can be turned off.
      const booking = page.getByTestId("meeting-booking-card");
      await booking.getByRole("radio", { name: "GoHighLevel" }).check();
      await booking.getByRole("button", { name: "Save meeting booking" }).click();
      await expect(page.getByText("Leads now book through GHL.")).toBeVisible();

      await calendly.getByRole("button", { name: "Disconnect" }).click();
      await calendly.getByRole("button", { name: "Disconnect Calendly" }).click();
      await expect(page.getByText("Calendly is disconnected and its credentials are forgotten.")).toBeVisible();
      await expect(calendly.getByRole("link", { name: "Connect with Calendly" })).toBeVisible();
      await expect(calendly.getByTestId("subscription-state")).toHaveText("Not subscribed");
      await expect(calendly.locator('[data-kind="DISCONNECTED"]').first()).toContainText(
        "webhook subscription deleted, OAuth token revoked",
      );
      await screenshot(page, "calendly-disconnected");
    });
  });
