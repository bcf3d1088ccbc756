import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export {
  CredentialsKeyError,
  createSecretBox,
  DecryptionError,
  generateKey,
  type SecretBox,
  secretBoxFromEnv,
  secretContext,
} from "./crypto.ts";
export * from "./generated/prisma/client.ts";

export type Db = PrismaClient;

export type CreateDbOptions = {
  url: string;
  /** Pool size; defaults to 10. */
  max?: number;
  /** Milliseconds to wait for a connection before failing (the webhooks server turns this into 503). */
  connectionTimeoutMillis?: number;
};

/** The one way to get a database client. Composition roots call it; services receive the result. */
export function createDb({ url, max = 10, connectionTimeoutMillis = 5_000 }: CreateDbOptions): Db {
  const adapter = new PrismaPg({ connectionString: url, max, connectionTimeoutMillis, idleTimeoutMillis: 30_000 });
  return new PrismaClient({ adapter });
}

/** Lower-cases and trims an email the way Lead and ClientMember store it. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
