// The one import point for what the webhooks app uses of packages/api: the webhook services
// (no tRPC in them) and the domain error type.

export { isDomainError } from "@booking/api/errors";
export * from "@booking/api/services/webhooks";
