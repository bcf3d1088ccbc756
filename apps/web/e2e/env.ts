// Values shared by the global setup and the tests (the tests run in worker processes and read
// what the setup published in process.env).
export const E2E_CALENDLY_TOKEN = "e2e-calendly-personal-access-token-0001";
export const E2E_CALENDLY_USER = { name: "Northwind Calendly", email: "calendly@northwind.example" };
export const E2E_STRATEGY_EVENT = {
  name: "Strategy session",
  scheduling_url: "https://calendly.com/northwind-demo/strategy",
  duration: 60,
};

export function e2eEnv(
  name:
    | "E2E_BASE_URL"
    | "E2E_WEBHOOKS_URL"
    | "E2E_CONTROL_URL"
    | "E2E_DATABASE_URL"
    | "E2E_ADMIN_API_TOKEN"
    | "E2E_WEB_PID",
): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through playwright (global-setup publishes it)`);
  return value;
}
