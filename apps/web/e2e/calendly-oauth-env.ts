// "Connect with Calendly" in the browser tests: the OAuth app the stack is configured with, the
// Calendly user who consents on the fake (owner of its own organization, Contoso's Calendly), and
// the event type Contoso books. Shared by global-setup and calendly-oauth.spec.ts.
export const E2E_OAUTH_APP = { clientId: "e2e-crm-oauth-client", clientSecret: "e2e-crm-oauth-client-secret-0001" };
export const E2E_OAUTH_USER = { name: "Contoso Calendly Owner", email: "owner@contoso.example" };
export const E2E_OAUTH_EVENT = {
  uri: "https://api.calendly.com/event_types/5c1d0e2a-0a0b-4c4d-8e8f-e2e0oauth001",
  name: "Contoso discovery call",
  scheduling_url: "https://calendly.com/contoso-growth/discovery",
  duration: 45,
};

/** The fake Calendly's origin (global-setup publishes it): consent page, /__fake/ controls. */
export function e2eCalendlyUrl(): string {
  const value = process.env.E2E_CALENDLY_URL;
  if (!value)
    throw new Error("E2E_CALENDLY_URL is not set: run the tests through playwright (global-setup publishes it)");
  return value;
}
