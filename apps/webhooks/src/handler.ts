// The delivery path, independent of node:http, in the order a delivery meets it: the workspace's
// signing key (the only read before verification) -> verify the signature over the body's bytes
// -> decode (UTF-8) and parse (JSON, Calendly's schema) -> store in the inbox (group commit) ->
// answer. No mapping here: the worker maps what is stored. Status codes as SPEC section 3.
import { parseCalendlyWebhook, verifyWebhookSignature, WebhookSignatureError } from "@booking/calendly/webhooks";
import { DecryptionError, type SecretBox } from "@booking/db";
import {
  createDeliveryBatcher,
  createSigningKeyCache,
  isDatabaseUnavailable,
  isDomainError,
  type SigningKeyLookup,
  type SqlRunner,
} from "./services.ts";

export type DeliveryHandlerOptions = {
  sql: SqlRunner;
  secrets: SecretBox;
  toleranceSeconds: number;
  clock?: () => Date;
  /** Signing keys are cached this long (default 5 s; a mismatch re-reads the key at once). */
  signingKeyTtlMs?: number;
  /** Group commit: most deliveries per statement (default 64) and statements in flight (default 1). */
  maxBatch?: number;
  batchConcurrency?: number;
};

type DeliveryRequest = { workspaceId: string; signatureHeader: string | undefined; body: Buffer };

type HandlerResult = {
  status: number;
  body: Record<string, unknown>;
  /** Safe to log: ids, names of events, outcomes; never bodies, emails, names, tokens or signatures. */
  log: {
    workspaceId: string;
    event?: string;
    outcome: string;
    inboxStatus?: string;
    duplicate?: boolean;
    eventId?: string;
    reason?: string;
  };
};

export type DeliveryHandler = {
  handle(req: DeliveryRequest): Promise<HandlerResult>;
  /** Answers the deliveries being stored, then refuses new ones. */
  close(): Promise<void>;
};

const unavailable = (workspaceId: string, reason: string, event?: string): HandlerResult => ({
  status: 503,
  body: { ok: false, error: "Service temporarily unavailable, retry later" },
  log: { workspaceId, event, outcome: "unavailable", reason },
});

const unknownWorkspace = (workspaceId: string, event?: string): HandlerResult => ({
  status: 404,
  body: { ok: false, error: "Unknown workspace" },
  log: { workspaceId, event, outcome: "unknown_workspace" },
});

const rejected = (workspaceId: string, reason: string, error: string): HandlerResult => ({
  status: 401,
  body: { ok: false, error, reason },
  log: { workspaceId, outcome: "rejected", reason },
});

export function createDeliveryHandler(opts: DeliveryHandlerOptions): DeliveryHandler {
  const keys = createSigningKeyCache(opts, { ttlMs: opts.signingKeyTtlMs });
  const batcher = createDeliveryBatcher(opts, { maxBatch: opts.maxBatch, concurrency: opts.batchConcurrency });

  /**
   * The key, then the signature: a mismatch with a cached key is checked once more against a
   * fresh read (the key may have just been rotated). Returns the refusal, or null when verified.
   */
  async function verify(req: DeliveryRequest): Promise<HandlerResult | null> {
    const { workspaceId } = req;
    for (const fresh of [false, true]) {
      let key: SigningKeyLookup & { cached?: boolean };
      try {
        key = fresh ? await keys.refresh(workspaceId) : await keys.get(workspaceId);
      } catch (error) {
        if (error instanceof DecryptionError) return unavailable(workspaceId, "signing_key_unreadable");
        if (isDatabaseUnavailable(error)) return unavailable(workspaceId, "database_unavailable");
        throw error;
      }
      if (key.kind === "unknown_workspace") return unknownWorkspace(workspaceId);
      if (key.kind === "no_signing_key")
        return rejected(workspaceId, "no_signing_key", "This workspace has no webhook signing key");
      try {
        verifyWebhookSignature({
          header: req.signatureHeader,
          rawBody: req.body,
          signingKey: key.signingKey,
          toleranceSeconds: opts.toleranceSeconds,
          now: opts.clock?.(),
        });
        return null;
      } catch (error) {
        if (!(error instanceof WebhookSignatureError)) throw error;
        if (error.reason === "signature_mismatch" && key.cached && !fresh) continue;
        return rejected(workspaceId, error.reason, error.message);
      }
    }
    return rejected(req.workspaceId, "signature_mismatch", "Webhook signature does not match");
  }

  async function handle(req: DeliveryRequest): Promise<HandlerResult> {
    const { workspaceId } = req;
    const refused = await verify(req);
    if (refused) return refused;

    const parsed = parseCalendlyWebhook(req.body);
    if (!parsed.ok) {
      return {
        status: 400,
        body: { ok: false, error: parsed.error },
        log: { workspaceId, event: parsed.envelope?.event, outcome: "invalid_body" },
      };
    }
    const event = parsed.envelope.event;
    try {
      const r = await batcher.submit({
        workspaceId,
        rawBody: parsed.rawBody,
        envelope: parsed.envelope,
        source: "WEBHOOK",
      });
      return {
        status: 200,
        body: { ok: true, eventId: r.eventId, duplicate: r.duplicate, status: r.status },
        log: {
          workspaceId,
          event,
          outcome: r.duplicate ? "duplicate" : "stored",
          inboxStatus: r.status,
          duplicate: r.duplicate,
          eventId: r.eventId,
        },
      };
    } catch (error) {
      if (isDatabaseUnavailable(error)) return unavailable(workspaceId, "database_unavailable", event);
      if (isDomainError(error) && error.code === "NOT_FOUND") return unknownWorkspace(workspaceId, event);
      throw error;
    }
  }

  return { handle, close: () => batcher.close() };
}
