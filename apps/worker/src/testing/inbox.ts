// Test helpers for the worker's tests: a workspace with a signing key, deliveries stored the way
// the webhooks server stores them, and waiting for the database to reach a state.

import { Writable } from "node:stream";
import { createDeliveryBatcher, type Delivery, type SqlRunner } from "@booking/api/services/webhooks";
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { CALENDLY_SIGNATURE_HEADER, parseCalendlyWebhook, signWebhook } from "@booking/calendly/webhooks";
import { createSecretBox, type Db, generateKey, type SecretBox, secretContext } from "@booking/db";
import { createLogger, type Logger } from "../logger.ts";

export { buildWebhookEnvelope };

export const CREDENTIALS_KEY = generateKey();
export const secrets: SecretBox = createSecretBox(CREDENTIALS_KEY);

export async function createWorkspace(db: Db, name = "Acme"): Promise<{ id: string; signingKey: string }> {
  const { id } = await db.client.create({ data: { name }, select: { id: true } });
  const signingKey = generateKey();
  await db.client.update({
    where: { id },
    data: { calendlyWebhookSigningKeyEnc: secrets.encrypt(signingKey, secretContext.calendlySigningKey(id)) },
  });
  return { id, signingKey };
}

function delivery(workspaceId: string, body: unknown): Delivery {
  const parsed = parseCalendlyWebhook(JSON.stringify(body));
  if (!parsed.ok) throw new Error(parsed.error);
  return { workspaceId, rawBody: parsed.rawBody, envelope: parsed.envelope, source: "WEBHOOK" };
}

/** Stores deliveries as the webhooks server does (group commit); resolves with their inbox ids. */
export async function store(sql: SqlRunner, workspaceId: string, bodies: unknown[]): Promise<string[]> {
  const batcher = createDeliveryBatcher({ sql });
  try {
    const stored = await Promise.all(bodies.map((b) => batcher.submit(delivery(workspaceId, b))));
    return stored.map((s) => s.eventId);
  } finally {
    await batcher.close();
  }
}

/** Polls `check` until it returns true (every 20 ms), or fails after `timeoutMs`. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A logger that keeps its lines (parsed) instead of printing them. */
export function quietLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: createLogger({ level: "debug", destination: stream as never }), lines };
}

/** Posts a signed delivery; resolves with the HTTP status (0 when the connection failed). */
export async function post(baseUrl: string, workspace: { id: string; signingKey: string }, body: unknown) {
  const rawBody = JSON.stringify(body);
  try {
    const res = await fetch(`${baseUrl}/webhooks/calendly/${workspace.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [CALENDLY_SIGNATURE_HEADER]: signWebhook({ rawBody, signingKey: workspace.signingKey }),
      },
      body: rawBody,
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
