// "@booking/calendly/testing": a stateful fake Calendly plus payload builders, for tests and the demo.
export { buildInviteePayload, buildWebhookEnvelope, type InviteePayloadInput } from "./builders.ts";
