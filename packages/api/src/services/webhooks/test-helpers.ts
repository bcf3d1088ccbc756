// Shared by this folder's tests (and the webhooks app's and the worker's): a workspace with a
// signing key, the production pg pool for a test database, and a way to push a Calendly body
// through the inbox the way the webhooks server does, then map it the way the worker does.
import { parseCalendlyWebhook } from "@booking/calendly/webhooks";
import { createSecretBox, type Db, generateKey, type SecretBox, secretContext, type WebhookEvent } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { createSqlPool, type SqlPool, type SqlRunner } from "../../lib/sql.ts";
import { now } from "./deps.ts";
import { drainInbox } from "./map-inbox.ts";
import { type Delivery, type StoredDelivery, storeDeliveries } from "./receive.ts";

export const testSecrets = (): SecretBox => createSecretBox(generateKey());

/** The pool the webhooks server and the worker use, on a test database. */
export const testSqlPool = (url: string, max = 10): SqlPool => createSqlPool({ url, max });

export type WebhookTestDatabase = { readonly t: TestDatabase; readonly pool: SqlPool; readonly secrets: SecretBox };

/**
 * A test file's own migrated database, the production pg pool on it and a secret box, made before
 * its tests (beforeAll) and removed after them (afterAll). Read the fields inside tests and hooks.
 */
export function webhookTestDatabase(): WebhookTestDatabase {
  let state: { t: TestDatabase; pool: SqlPool; secrets: SecretBox } | undefined;
  const get = () => {
    if (!state) throw new Error("the test database is made in beforeAll: read it inside a test or a hook");
    return state;
  };
  beforeAll(async () => {
    const t = await createTestDatabase();
    state = { t, pool: testSqlPool(t.url), secrets: testSecrets() };
  });
  afterAll(async () => {
    await state?.pool.pool.end();
    await state?.t.drop();
  });
  return {
    get t() {
      return get().t;
    },
    get pool() {
      return get().pool;
    },
    get secrets() {
      return get().secrets;
    },
  };
}

export async function createWorkspace(
  db: Db,
  secrets: SecretBox,
  opts: { name?: string; signingKey?: string | null; token?: string | null } = {},
): Promise<{ id: string; signingKey: string | null }> {
  const c = await db.client.create({ data: { name: opts.name ?? "Acme" }, select: { id: true } });
  const signingKey = opts.signingKey === undefined ? generateKey() : opts.signingKey;
  await db.client.update({
    where: { id: c.id },
    data: {
      calendlyWebhookSigningKeyEnc: signingKey
        ? secrets.encrypt(signingKey, secretContext.calendlySigningKey(c.id))
        : null,
      calendlyAccessTokenEnc: opts.token ? secrets.encrypt(opts.token, secretContext.calendlyAccessToken(c.id)) : null,
      calendlyOrganizationUri: opts.token ? "https://api.calendly.com/organizations/ORG" : null,
      calendlyUserUri: opts.token ? "https://api.calendly.com/users/USER" : null,
    },
  });
  return { id: c.id, signingKey };
}

/** A Calendly body parsed like the HTTP adapter does (throws if the adapter would answer 400). */
export function delivery(workspaceId: string, body: unknown): Delivery {
  const parsed = parseCalendlyWebhook(typeof body === "string" ? body : JSON.stringify(body));
  if (!parsed.ok) throw new Error(parsed.error);
  return { workspaceId, rawBody: parsed.rawBody, envelope: parsed.envelope, source: "WEBHOOK" };
}

type Deps = { sql: SqlRunner; clock?: () => Date };

/** Stores one delivery in the inbox, as the webhooks server does. */
export async function store(deps: Deps, workspaceId: string, body: unknown): Promise<StoredDelivery> {
  const [r] = await storeDeliveries(deps.sql, [delivery(workspaceId, body)], now(deps));
  if (r instanceof Error) throw r;
  return r!;
}

export type Delivered = StoredDelivery & Pick<WebhookEvent, "status" | "outcome" | "error" | "leadId" | "changes">;

/** Stores a delivery, then the worker's writer maps the inbox: what a caller sees shortly after the answer. */
export async function deliver(deps: Deps, db: Db, workspaceId: string, body: unknown): Promise<Delivered> {
  const stored = await store(deps, workspaceId, body);
  await drainInbox(deps);
  const row = await db.webhookEvent.findUniqueOrThrow({
    where: { id: stored.eventId },
    select: { status: true, outcome: true, error: true, leadId: true, changes: true },
  });
  return { ...stored, ...row };
}
