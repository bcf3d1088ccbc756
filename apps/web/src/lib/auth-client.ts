import { createAuthClient } from "better-auth/react";

/** better-auth client; the server side is mounted at /api/auth by the API engineer. */
export const authClient = createAuthClient({ basePath: "/api/auth" });
