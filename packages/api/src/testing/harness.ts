// Test setup shared by the API's test files: a fresh migrated database, a secret box, the fake
// Calendly behind msw, and callers for each kind of session.

import {
  type CalendlyClientFactory,
  type CalendlyOAuthClient,
  createCalendlyClientFactory,
  createCalendlyOAuthClient,
} from "@booking/calendly";
import { calendlyHandlers, createFakeCalendly, type FakeCalendly } from "@booking/calendly/testing";
import { createSecretBox, type Db, generateKey, type MemberRole, type SecretBox } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { hashPassword } from "better-auth/crypto";
import { setupServer } from "msw/node";
import { createContextInner, type Session } from "../context.ts";
import { appRouter } from "../root.ts";
import { createCallerFactory } from "../trpc.ts";

export const PUBLIC_WEBHOOK_BASE_URL = "https://hooks.crm.test";
export const CALENDLY_BASE_URL = "https://api.calendly.com";
export const CALENDLY_AUTH_BASE_URL = "https://auth.calendly.com";
/** The OAuth app the harness's context uses; registered with every fake the harness makes. */
export const OAUTH_APP = { clientId: "crm-test-client", clientSecret: "crm-test-client-secret" };

function newFake(): FakeCalendly {
  const fake = createFakeCalendly();
  fake.oauth.registerClient(OAUTH_APP);
  return fake;
}

const createCaller = createCallerFactory(appRouter);

export type Harness = {
  database: TestDatabase;
  db: Db;
  secrets: SecretBox;
  fake: FakeCalendly;
  calendlyFor: CalendlyClientFactory;
  calendlyOAuth: CalendlyOAuthClient;
  /** Every sleep the Calendly client asked for (ms): retries and X-RateLimit-Reset waits. */
  sleeps: number[];
  callerFor(session: Session): ReturnType<typeof createCaller>;
  platform(): ReturnType<typeof createCaller>;
  user(email: string, name?: string): ReturnType<typeof createCaller>;
  reset(): void;
  close(): Promise<void>;
};

/** Call in beforeAll; `close` in afterAll. */
export async function createHarness(): Promise<Harness> {
  const database = await createTestDatabase();
  const secrets = createSecretBox(generateKey());
  let fake = newFake();
  const sleeps: number[] = [];
  const server = setupServer(
    ...calendlyHandlers(
      { handle: (r: Request, o?: { basePath?: string }) => fake.handle(r, o) } as FakeCalendly,
      CALENDLY_BASE_URL,
      CALENDLY_AUTH_BASE_URL,
    ),
  );
  server.listen({
    onUnhandledRequest: (request, print) => {
      const host = new URL(request.url).hostname;
      if (host === "127.0.0.1" || host === "localhost") return;
      print.error();
    },
  });
  const calendlyFor = createCalendlyClientFactory({
    baseUrl: CALENDLY_BASE_URL,
    timeoutMs: 300,
    maxRetries: 2,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  const calendlyOAuth = createCalendlyOAuthClient({ ...OAUTH_APP, authBaseUrl: CALENDLY_AUTH_BASE_URL });
  const callerFor = (session: Session) =>
    createCaller(async () =>
      createContextInner({
        db: database.db,
        secrets,
        calendlyFor,
        calendlyOAuth,
        session,
        env: { publicWebhookBaseUrl: PUBLIC_WEBHOOK_BASE_URL },
      }),
    );
  const h: Harness = {
    database,
    db: database.db,
    secrets,
    get fake() {
      return fake;
    },
    calendlyFor,
    calendlyOAuth,
    sleeps,
    callerFor,
    platform: () => callerFor({ kind: "platform" }),
    user: (email, name = "Test User") => callerFor({ kind: "user", email, name }),
    reset() {
      fake = newFake();
      sleeps.length = 0;
    },
    async close() {
      server.close();
      await database.drop();
    },
  };
  return h;
}

let counter = 0;

/** A workspace with members; returns its id. */
export async function seedWorkspace(
  db: Db,
  opts: { name?: string; members?: Array<[email: string, role: MemberRole]>; settings?: Record<string, unknown> } = {},
): Promise<string> {
  counter += 1;
  const client = await db.client.create({
    data: {
      name: opts.name ?? `Workspace ${counter} ${Math.random().toString(36).slice(2, 8)}`,
      settings: { create: { meetingBookingProvider: "GHL", ...(opts.settings ?? {}) } },
      members: { create: (opts.members ?? []).map(([email, role]) => ({ email, role })) },
    },
    select: { id: true },
  });
  return client.id;
}

/** Asserts that `promise` rejects with a TRPCError of `code`; returns the error for more checks. */
export async function expectTRPCError(
  promise: Promise<unknown>,
  code: string,
): Promise<{ code: string; message: string; cause?: unknown; shape?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; message: string };
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
    return e as { code: string; message: string; cause?: unknown };
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

/** A sign-in account (as an accepted invitation leaves it), optionally a SETTER of `workspaceId`. */
export async function createAccount(db: Db, email: string, password: string, workspaceId?: string): Promise<void> {
  const id = `u_${email.replace(/\W/g, "_")}`;
  await db.user.create({ data: { id, email, name: email.split("@")[0]!, emailVerified: true } });
  await db.account.create({
    data: {
      id: `${id}_c`,
      accountId: id,
      providerId: "credential",
      userId: id,
      password: await hashPassword(password),
    },
  });
  if (workspaceId) await db.clientMember.create({ data: { clientId: workspaceId, email, role: "SETTER" } });
}
