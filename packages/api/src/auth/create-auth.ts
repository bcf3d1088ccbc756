// Sign-in for workspace members: better-auth with email + password, users stored through Prisma.
// Sign-up is only open to emails invited as a ClientMember of some workspace.

import { type Db, normalizeEmail } from "@booking/db";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";

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
    emailAndPassword: { enabled: true, minPasswordLength: 8 },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const email = normalizeEmail(user.email);
            const invited = await db.clientMember.findFirst({ where: { email }, select: { id: true } });
            if (!invited) {
              throw new APIError("FORBIDDEN", {
                message: "This email has not been invited to any workspace; ask a workspace admin to add you",
              });
            }
            return { data: { ...user, email } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
