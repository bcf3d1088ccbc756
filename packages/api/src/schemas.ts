// The zod schemas of the operations the web's forms submit, and the field rules they are made of:
// the forms validate with the server's own rules. Client-safe: this module and what it imports
// depend on zod and nothing else (no database, no services; `schemas.test.ts` checks it), so the
// browser bundle gets the rules and no server code.
export { email, input, text } from "./lib/validators.ts";
export { updateSchema as updateCalendlySchema } from "./router/integrations/calendly/update.schema.ts";
export { createSchema as createLeadSchema } from "./router/leads/create.schema.ts";
export { acceptNewSchema, inviteSchema } from "./router/members/schemas.ts";
export { updateSchema as updateSettingsSchema } from "./router/settings/update.schema.ts";
