// Sign-in for workspace members: better-auth with email + password, users stored through Prisma.
// Accounts are never created through better-auth: sign-up is disabled (and refused before it
// reaches better-auth, auth-handler.ts); an account is created by accepting an invitation
// (services/members) or by the demo seed. better-auth's own rate limiter (per IP, in memory) is
// off: sign-in throttling is ours (sign-in-throttle.ts), shared through PostgreSQL.
import type { Db } from "@booking/db";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { CLIENT_ADDRESS_HEADER } from "./auth-handler.ts";

export type CreateAuthOptions = {
  db: Db;
  /** BETTER_AUTH_SECRET: signs session cookies. */
  secret: string;
  /** BETTER_AUTH_URL: the web app's origin, e.g. http://localhost:3000. */
  baseURL?: string;
  /** Extra origins allowed to call the auth endpoints. */
  trustedOrigins?: string[];
};

export function createAuth({ db, secret, baseURL, trustedOrigins }: CreateAuthOptions) {
  return betterAuth({
    database: prismaAdapter(db, { provider: "postgresql" }),
    secret,
    ...(baseURL ? { baseURL } : {}),
    ...(trustedOrigins ? { trustedOrigins } : {}),
    basePath: "/api/auth",
    telemetry: { enabled: false },
    // A wrong password is routine (the throttle counts it), not a warning on the console each time.
    logger: { level: "error" },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    rateLimit: { enabled: false },
    // Sessions record the client address our handler derived (TRUST_PROXY), not a raw header.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    databaseHooks: {
      user: {
        create: {
          before: async () => {
            throw new APIError("FORBIDDEN", { message: "Accounts are created from an invitation link" });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
