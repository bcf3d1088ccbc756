export { createAuth, type Auth, type CreateAuthOptions } from "./create-auth.ts";
export { sessionFromRequest, type SessionReader } from "./session-from-request.ts";
