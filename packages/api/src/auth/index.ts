export { type Auth, type CreateAuthOptions, createAuth } from "./create-auth.ts";
export { type SessionReader, sessionFromRequest } from "./session-from-request.ts";
