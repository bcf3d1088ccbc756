// The one import point for the webhook services of packages/api.
// TODO(api): once packages/api/src/services/index.ts re-exports "./webhooks/index.ts", import from
// "@booking/api/services" instead of this relative path (both resolve to the same source).
export * from "../../../packages/api/src/services/webhooks/index.ts";
export { DomainError, isDomainError } from "../../../packages/api/src/errors.ts";
