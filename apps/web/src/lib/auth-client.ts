import type { createAuthClient as CreateAuthClient } from "better-auth/react";

type AuthClient = ReturnType<typeof CreateAuthClient>;

let client: Promise<AuthClient> | undefined;

/**
 * better-auth's client (the server side is mounted at /api/auth), loaded on first use: it is only
 * needed to sign in or out, so it is not part of any page's first-load JavaScript.
 */
export function loadAuthClient(): Promise<AuthClient> {
  client ??= import("better-auth/react").then(
    ({ createAuthClient }) => createAuthClient({ basePath: "/api/auth" }),
    (error: unknown) => {
      client = undefined;
      throw error;
    },
  );
  return client;
}
