// "@booking/calendly/testing": a stateful fake Calendly plus payload builders, for tests and the demo.
export { buildInviteePayload, buildWebhookEnvelope, type InviteePayloadInput } from "./builders.ts";
export {
  ALL_SCOPES,
  createFakeCalendly,
  FAKE_API_ORIGIN,
  type FakeAccount,
  type FakeCalendly,
  type FakeRequest,
  type FakeSubscription,
} from "./fake/fake.ts";
export { calendlyHandlers } from "./fake/msw.ts";
export type { FakeOAuth, FakeOAuthClientApp } from "./fake/oauth.ts";
export type { FakeFailure } from "./fake/responses.ts";
export { startFakeCalendlyServer } from "./fake/server.ts";
