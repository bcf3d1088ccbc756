export { type AuthHandlerDeps, createAuthHandler, SIGN_UP_CLOSED } from "./auth-handler.ts";
export { clientAddress, PEER_ADDRESS_HEADER } from "./client-address.ts";
export { type Auth, type CreateAuthOptions, createAuth } from "./create-auth.ts";
export { type SessionReader, sessionFromRequest } from "./session-from-request.ts";
export { createSignInThrottle, SIGN_IN_POLICY, type SignInPolicy, type SignInThrottle } from "./sign-in-throttle.ts";
