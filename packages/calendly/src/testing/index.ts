// "@booking/calendly/testing": a stateful fake Calendly plus payload builders, for tests and the demo.
export { buildInviteePayload, buildWebhookEnvelope, type InviteePayloadInput } from "./builders.ts";
export {
  createFakeCalendly,
  ALL_SCOPES,
  FAKE_API_ORIGIN,
  type FakeCalendly,
  type FakeAccount,
  type FakeSubscription,
  type FakeRequest,
} from "./fake/fake.ts";
export type { FakeFailure } from "./fake/responses.ts";
export { calendlyHandlers } from "./fake/msw.ts";
export { startFakeCalendlyServer } from "./fake/server.ts";
