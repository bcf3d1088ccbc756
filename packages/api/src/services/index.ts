// Services for other composition roots (the webhooks server, the worker, scripts). No @trpc/* here.
export * from "./access/index.ts";
export * from "./calendly/index.ts";
export * from "./leads/index.ts";
export * from "./settings/index.ts";
export * from "./webhooks/index.ts";
export * from "./workspaces/index.ts";
